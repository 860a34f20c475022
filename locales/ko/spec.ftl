# 신경망 명세: 모든 실수를 그 줄과 열에서 알려 줍니다 (src/network/spec/).
# 경로나 예제 이름으로 명세 찾기 (src/network/examples.rs).

spec-did-you-mean = { $meant }{ PARTICLE($meant, "을/를") } 쓰려던 것인가요? 고를 수 있는 것: { $choices }
spec-the-choices-are = 고를 수 있는 것: { $choices }
spec-for-example = 예: { $example }
spec-see-example = 빠짐없이 쓴 명세는 examples/mazur.toml을 보세요

## 층, 활성화 함수, 편향, 손실 함수

spec-too-few-layers = layers에는 적어도 입력 크기와 출력 크기가 있어야 합니다
spec-too-few-layers-hint = 예: layers = [2, 2, 1]은 입력 2개, 은닉 뉴런 2개, 출력 1개입니다
spec-layer-size = 뉴런이 { $count }개인 층은 만들 수 없습니다
spec-layer-size-hint = 층마다 뉴런은 1개에서 { $max }개까지입니다 (docs/limits.md)
spec-activation-not-string = 활성화 함수의 이름은 문자열이어야 합니다
spec-activation-count = 입력층 다음의 층은 { $layers }개인데 활성화 함수는 { $count }개입니다
spec-activation-count-hint = 모든 층에 쓸 이름 하나를 주거나, 입력층 다음의 층마다 하나씩 이름 { $layers }개를 주세요
spec-activation-kind = activation에는 이름 하나나 이름의 목록을 써야 합니다
spec-unknown-activation = '{ $name }'{ PARTICLE($name, "은/는") } 알 수 없는 활성화 함수입니다
spec-hidden-softmax = 은닉층에 softmax를 썼습니다 (입력층 다음의 층 { $layers }개 가운데 { $layer }번째)
spec-hidden-softmax-hint = softmax는 출력층의 값을 확률로 바꿉니다. 은닉층에는 sigmoid, tanh, relu 가운데 하나를 쓰세요
spec-unknown-bias = '{ $name }'{ PARTICLE($name, "은/는") } 알 수 없는 편향 방식입니다
spec-too-many-parameters = 이 신경망의 가중치와 편향은 { $count }개인데, stepgrad는 { $max }개까지만 학습시킵니다
spec-too-many-parameters-hint = 은닉층의 수나 크기를 줄이세요 (docs/limits.md)
spec-unknown-loss = '{ $name }'{ PARTICLE($name, "은/는") } 알 수 없는 손실 함수입니다
spec-cross-entropy-output = cross_entropy에는 softmax 출력층이 필요한데, 출력층의 활성화 함수가 { $activation }입니다
spec-cross-entropy-output-hint = 출력층의 활성화 함수를 softmax로 바꾸세요
spec-bce-output = bce에는 sigmoid 출력층이 필요한데, 출력층의 활성화 함수가 { $activation }입니다
spec-bce-output-hint = 출력층의 활성화 함수를 sigmoid로 바꾸세요 (bce는 확률을 비교합니다)

## 가중치와 편향

spec-weights-and-init = weights와 init이 함께 있습니다
spec-weights-and-init-hint = 가중치를 직접 주거나 초기화 방식을 주되, 둘을 함께 주지는 마세요
spec-biases-without-weights = weights 없이 biases만 있습니다
spec-biases-without-weights-hint = weights도 주거나, 둘 다 init에 맡기세요
spec-negative-seed = 시드는 음수일 수 없습니다
spec-negative-seed-hint = 0이나 42 같은 시드를 쓰세요
spec-layer = { $layer }번째 층({ $from } → { $to })
spec-layer-input = 입력층
spec-layer-hidden = 은닉층 { $number }
spec-layer-output = 출력층
spec-weight-matrices = weights에 행렬이 { $count }개 있는데, 신경망에는 입력층 다음의 층이 { $layers }개 있습니다
spec-weight-matrices-hint = 입력층 다음의 층마다 W[out][in] 행렬을 하나씩 주세요
spec-matrix-shape = { $layer }에는 { $rows }×{ $columns } 행렬(뉴런 { $rows }개 × 입력 { $columns }개)이 필요한데, 이 행렬은 { $shape }입니다
spec-ragged-matrix = 길이가 서로 다른 행 { $rows }개
spec-matrix-shape-hint = j번째 행에는 뉴런 j로 들어가는 가중치를 앞 층의 뉴런마다 하나씩 씁니다
spec-biases-but-none = bias = "none"인데 biases가 있습니다
spec-biases-but-none-hint = biases를 지우거나, bias = "per_neuron" 또는 "per_layer"를 고르세요
spec-weights-without-biases = weights는 있는데 biases가 없습니다
spec-weights-without-biases-hint = 입력층 다음의 층마다 목록을 하나씩 담은 biases = [[…], …]를 넣으세요
spec-bias-lists = biases에 목록이 { $count }개 있는데, 신경망에는 입력층 다음의 층이 { $layers }개 있습니다
spec-bias-lists-hint = 입력층 다음의 층마다 편향 목록을 하나씩 주세요
spec-bias-count = { $layer }에는 편향이 { $count }개 필요한데, 이 목록에는 { $found }개 있습니다
spec-per-layer-hint = bias = "per_layer"는 층마다 편향 하나를 모든 뉴런이 함께 씁니다: [b]로 쓰세요
spec-per-neuron-hint = bias = "per_neuron"은 뉴런 { $count }개에 저마다 편향을 하나씩 줍니다
spec-not-finite = { $value }{ PARTICLE($value, "은/는") } 유한한 수가 아닙니다
spec-not-finite-hint = 0.5 같은 보통의 수를 쓰세요

## 초기화 방식

spec-init-too-wide = '{ $scheme }'{ PARTICLE($scheme, "은/는") } 범위가 너무 넓습니다: 너비 b − a = { $width }{ PARTICLE($width, "이/가") } 64비트 부동소수점의 최댓값을 넘습니다
spec-init-too-wide-hint = 더 좁은 범위에서 뽑으세요. 예: uniform(-0.5, 0.5)
spec-init-bad-range = '{ $scheme }'{ PARTICLE($scheme, "은/는") } 올바른 uniform 범위가 아닙니다
spec-init-bad-range-hint = a < b인 수로 uniform(a, b)를 쓰세요. 예: uniform(-0.5, 0.5)
spec-unknown-init = '{ $name }'{ PARTICLE($name, "은/는") } 알 수 없는 초기화 방식입니다
spec-unknown-init-hint = 고를 수 있는 것: xavier, he, uniform(a, b)

## 샘플: 명세 안에, 또는 [data] 파일로

spec-inputs-width = inputs의 샘플 { $sample }에 입력이 { $count }개 있는데, 신경망은 입력을 { $width }개 받습니다
spec-targets-width = targets의 샘플 { $sample }에 목표값이 { $count }개 있는데, 출력층의 뉴런은 { $width }개입니다
spec-row-width-hint = { $field }의 행마다 수가 { $width }개 있어야 합니다
spec-inputs-without-targets = targets 없이 inputs만 있습니다
spec-inputs-without-targets-hint = 샘플마다 한 행씩 targets = [[…], …]를 넣으세요
spec-targets-without-inputs = inputs 없이 targets만 있습니다
spec-targets-without-inputs-hint = 샘플마다 한 행씩 inputs = [[…], …]를 넣으세요
spec-data-twice = 데이터가 명세 안(inputs/targets)과 파일([data])에 모두 있습니다
spec-data-twice-hint = inputs/targets와 [data] 가운데 하나만 남기세요
spec-rows-differ = inputs는 { $inputs }행인데 targets는 { $targets }행입니다
spec-rows-differ-hint = 샘플마다 targets를 한 행씩 주세요
spec-targets-not-probabilities = 샘플 { $sample }의 목표값을 더하면 { $sum }인데, cross_entropy에는 합이 1인 확률이 필요합니다
spec-targets-not-probabilities-hint = [0, 1, 0] 같은 원-핫 목표값을 쓰세요
spec-targets-outside-0-1 = bce를 쓰려면 샘플 { $sample }의 목표값이 0과 1 사이에 있어야 합니다
spec-targets-outside-0-1-hint = bce는 확률을 비교합니다. 0이나 1 같은 목표값을 쓰세요
spec-data-columns = [data]에는 targets = [열 이름]과 label = "열 이름" 가운데 하나가 있어야 합니다
spec-data-columns-hint = targets는 수치 목표값 열의 이름들이고, label은 클래스 열 하나의 이름입니다
spec-data-unreadable = { $path }{ PARTICLE($path, "을/를") } 읽을 수 없습니다: { $reason }
spec-data-unreadable-hint = 경로는 명세 파일이 있는 폴더를 기준으로 합니다
spec-data-inputs = { $path }에는 입력 열이 { $count }개({ $names }) 있는데, 신경망은 입력을 { $inputs }개 받습니다
spec-data-inputs-hint = layers[0]을 입력 열의 수로 맞추세요
spec-data-targets = { $path }에는 샘플마다 목표값이 { $count }개 있는데, 출력층의 뉴런은 { $outputs }개입니다
spec-data-targets-hint = 마지막 층의 크기를 목표값(또는 클래스)의 수로 맞추세요

## [train]

spec-learning-rate = 학습률은 양수여야 하는데 { $value }입니다
spec-learning-rate-hint = 흔히 0.001에서 1 사이의 값을 씁니다
spec-at-least-one = { $key }{ PARTICLE($key, "은/는") } 1 이상이어야 하는데 { $value }입니다
spec-steps-hint = steps는 실행할 갱신의 횟수입니다
spec-a-count = { $key }{ PARTICLE($key, "은/는") } 1, 2, 3처럼 세는 수입니다

## 명세 찾기

spec-file-unreadable = { $path }: { $reason }
spec-no-such-spec = '{ $name }'{ PARTICLE($name, "은/는") } 명세 파일도 아니고 내장 예제의 이름도 아닙니다
spec-did-you-mean-example = { $meant }{ PARTICLE($meant, "을/를") } 쓰려던 것인가요? 내장 예제: { $names }
spec-give-a-spec = .toml 명세 파일의 경로나 내장 예제의 이름을 주세요: { $names }
