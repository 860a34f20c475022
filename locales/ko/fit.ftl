# 명세 없이 데이터에 맞춰 train이 만드는 신경망 (training/fit.rs).
fit-unknown-activation = --activation { $name }: '{ $name }'{ PARTICLE($name, "은/는") } 알 수 없는 활성화 함수입니다
fit-softmax-hidden = --activation softmax: softmax는 출력층의 값을 확률로 바꾸는 함수라서 은닉층의 활성화 함수로 쓸 수 없습니다
fit-hidden-activations = 은닉층에 쓸 수 있는 활성화 함수: { $choices }
fit-activation-with-spec = 명세 { $spec }{ PARTICLE($spec, "와/과") } 함께 --activation { $name }{ PARTICLE($name, "을/를") } 주었습니다: 활성화 함수는 명세가 정합니다 ({ $activations })
fit-activation-with-spec-hint = 활성화 함수를 명세에서 바꾸거나, 명세 없이 데이터에 맞춰 만든 신경망을 학습하세요
fit-standardize-targets-classes = --standardize-targets: 목표값이 클래스(0/1 또는 원-핫)라서 척도를 바꾸지 않습니다
fit-standardize-targets-classes-hint = --standardize-targets는 회귀에 씁니다. 빼거나, 특성에는 --standardize를 쓰세요
fit-targets-standardized = 목표값을 학습 데이터의 평균과 표준편차({ $statistics })로 표준화했습니다. 아래의 손실은 그 단위이고, 끝의 지표와 predict의 값은 목표값의 원래 단위입니다.
fit-targets-far-from-unit = 경고: 목표값 { $target }의 평균은 { $mean }, 표준편차는 { $sd }로 단위 척도와 거리가 멉니다. 신경망의 출력은 0 근처에서 시작하고 손실은 { $target }의 제곱 단위입니다. --standardize-targets를 주면 (y − mean)/sd로 학습하고 값은 { $target }의 단위로 보고합니다.

# 신경망을 학습 데이터에 맞추기: `train`이 만드는 신경망의 크기, 그리고 데이터가
# 신경망의 첫 층과 마지막 층에 맞는지. 수는 출력된 그대로 오고, $source는
# 데이터를 가리킵니다.

fit-hidden-size = --hidden { $hidden }: 은닉층의 뉴런은 1개에서 { $max }개 사이여야 합니다
fit-hidden-size-hint = 예: --hidden 8, 은닉층 두 개는 --hidden 16,8
fit-too-many-parameters = { $shape } 신경망의 가중치와 편향은 { $count }개입니다. stepgrad는 { $max }개까지만 학습시킵니다
fit-too-many-parameters-hint = 은닉층을 줄이거나 작게 하거나(--hidden), 입력 열을 줄이세요
fit-more-columns = 입력 열이 신경망이 받는 것보다 많습니다
fit-fewer-columns = 입력 열이 신경망이 받는 것보다 적습니다
fit-input-columns = { $source }의 입력 열은 { $features }개({ $names })입니다. { $more }: 신경망의 입력층은 { $inputs }개입니다
fit-input-columns-hint = 첫 층의 크기를 입력 열의 수로 하거나, 명세를 빼서 데이터에 맞춘 신경망을 쓰세요
fit-targets = { $source }{ PARTICLE($source, "은/는") } 샘플마다 목표값 { $targets }개를 주는데, 출력층의 뉴런은 { $outputs }개입니다
fit-targets-hint = 마지막 층의 크기를 목표값(또는 클래스)의 수로 하세요
fit-cross-entropy = { $source }: cross_entropy에는 원-핫 목표값이 필요합니다
fit-cross-entropy-hint = --label COLUMN으로 클래스를 주세요
