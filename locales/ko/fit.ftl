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
