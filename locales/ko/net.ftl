# `stepgrad net`의 보고서: 신경망, 식으로 쓴 손실, 스텝마다의 순전파, 손실,
# 역전파와 갱신, 그리고 실행이 끝난 모습. 수($step, $total, $samples, …)는
# 출력된 그대로 오고, $count는 같은 수로 복수형을 고르는 데 씁니다.

net-heading = 신경망 { $name }
net-step-heading = 스텝 { $step } / { $total }
net-forward-heading = 순전파
net-loss-heading = 손실
net-backward-heading = 역전파
net-update-heading = 갱신

# 설정 문단. $bias는 net-bias-…, $origin은 net-origin-…, $loss는 net-loss-…
# 가운데 하나이고, $frozen은 비어 있거나 net-biases-frozen입니다.
net-setup = 층 { $shape }, 활성화 함수 { $activations }; { $bias }; 손실 함수 { $loss }. 파라미터 { $params }개(가중치 { $weights }개, 편향 { $biases }개), { $origin }. 샘플 { $samples }개{ $count ->
        [one] {""}
       *[other] {""}
    }. 옵티마이저: { $optimizer }, { $settings }{ $frozen }.
net-bias-per-neuron = 뉴런마다 편향 하나
net-bias-per-layer = 층마다 공유하는 편향 하나
net-bias-none = 편향 없음
net-origin-spec = 값은 명세에 적힌 그대로
net-origin-init = 초깃값은 { $scheme } 방식, 시드 { $seed }
net-biases-frozen = ; 편향은 갱신하지 않음
net-loss-half-sse = half_sse: E = ½·Σ(target − out)², 모든 출력과 샘플에 대한 합
net-loss-mse = mse: 모든 출력과 샘플에 대한 (target − out)²의 평균 (PyTorch의 MSELoss와 같음)
net-loss-bce = bce: −[t·ln(out) + (1 − t)·ln(1 − out)], 모든 출력과 샘플에 대한 평균, 안전한 log-sum-exp 꼴 t·ln(1 + e^−net) + (1 − t)·ln(1 + e^net)으로 계산
net-loss-cross-entropy = cross_entropy: out = softmax(net)일 때 −Σ target·ln(out), 샘플에 대한 평균, lse = 출력 net들의 logsumexp로 두고 target·(lse − net)으로 계산

# 식으로 쓴 손실.
net-formula-heading = 식으로 쓴 손실
net-formula-serves = 모든 샘플에 같은 식을 씁니다: 입력과 목표값은 변수이고, 식을 계산할 때 한 샘플의 값이 들어갑니다.
net-fully-expanded = 모두 전개하면:
net-too-large-to-expand = 모두 전개하면 E_total은 노드 { $size }개의 식이 되므로 출력하지 않습니다 (위의 이름 붙인 꼴은 부분식마다 한 번만 저장합니다).
net-lse-note = 출력 net들의 log-sum-exp
net-batch-loss-mean = 배치 손실은 샘플에 대한 평균입니다:
net-batch-loss-sum = 배치 손실은 샘플에 대한 합입니다:
net-loss-every = { $every } 스텝마다의 손실
net-loss-before-step = E (스텝 전)

# 역전파. $how는 net-how-mean 또는 net-how-sum입니다.
net-backward-sample = 샘플 { $sample }의 값입니다 (아래의 갱신은 배치 기울기, 곧 샘플별 기울기의 { $how }{ PARTICLE($how, "을/를") } 씁니다).
net-how-mean = 평균
net-how-sum = 합
net-backward-explained = 각 뉴런의 δ = ∂E_total/∂net은 출력에서부터 거꾸로 한 번만 계산하고, 그 아래의 모든 계산에서 다시 씁니다. 모든 기울기를 계산한 다음에 파라미터를 바꿉니다: 은닉층의 기울기도 갱신 전 가중치로 구합니다.
net-softmax-note = 소프트맥스와 교차 엔트로피: 인수들을 합치면 out − target이 됩니다
net-sigmoid-note = 시그모이드와 이진 교차 엔트로피: 인수들을 합치면 out − target이 됩니다
net-path-sum-note = 다음 층을 지나는 경로에 대한 합
net-drawing-legend = 신경망: 각 층의 뉴런은 다음 층의 모든 뉴런으로 이어집니다(─┬─▶). 각 연결의 가중치와 각 편향은 초깃값과 함께 그림 아래에 있습니다.
net-backward-reuse = 이제 각 기울기는 그 파라미터가 들어가는 뉴런의 δ를 그대로 씁니다: ∂E_total/∂w = ∂E_total/∂net · ∂net/∂w = δ · (w가 곱하는 입력)입니다 (편향이면 δ 자체입니다).
net-multiplications = 역전파는 각 δ를 한 번만 만들어 뒤로 전달했습니다: 가중치 { $weights }개에 대해 연쇄 법칙 인수의 곱셈 { $backprop }번입니다. 가중치마다 따로 미분해서 손실까지의 경로를 모두 곱해 나가면 { $separate }번이 듭니다.

# 갱신.
net-update-rule = { $optimizer }, { $settings }. 각 파라미터 θ에 대해 g = ∂E/∂θ일 때:
net-not-updated = { $value } (갱신 안 함)
net-step-quantities = 이 스텝의 값: { $quantities }.
net-matrix-over = 학습하는 파라미터에 대한 { $symbol }:
net-step-note = 참고: { $note }.

# --param.
net-derivation-heading = ∂E_total/∂{ $name }의 유도
net-derivation-by-rules = 같은 도함수를 미분 법칙으로 구합니다: E_total을 { $name }의 식으로 보고 법칙을 적용합니다 (이름 붙은 양은 모두 그 이름이 가리키는 식으로 다룹니다).
net-derivation-value = 첫 스텝에서 샘플 { $sample }에 대한 이 값은 역전파로 구한 값과 같습니다: { $value }.
net-derivation-shared = 미분 법칙으로 연쇄 법칙을 끝까지 전개해 쓰면 ∂E_total/∂{ $name }{ PARTICLE($name, "은/는") } 곱 { $count }개의 합입니다. { $name }에서 그 뒤의 뉴런을 지나 E_total에 이르는 경로마다 곱이 하나이고, 경로가 지나는 층마다 그 수가 곱절로 늘어납니다. stepgrad는 이런 곱이 { $limit }개 이하인 유도만 전개해 씁니다 (docs/limits.md). 그래서 여기서는 역전파가 계산하는 공유된 꼴을 보입니다: 각 δ는 다음 층의 δ들로부터 한 번만 계산하고(역전파), 한 뉴런을 지나는 모든 경로가 그 δ를 함께 씁니다.
net-derivation-too-many = 1,800경보다 많은
net-derivation-values-of = 값은 첫 스텝에서 샘플 { $sample }의 값입니다.

# 실행이 끝난 모습.
net-after-updates = { $total }번 갱신한 뒤{ $count ->
        [one] {""}
       *[other] {""}
    }:
net-diverged-at = 스텝 { $step }에서 발산했습니다: { $reason }.
net-drawn-in = 신경망 그림은 { $path }에 있습니다.
net-diverged-error = 학습이 스텝 { $step }에서 발산했습니다: { $reason }
net-diverged-lr-hint = 이 신경망에는 학습률 { $lr }{ PARTICLE($lr, "이/가") } 너무 큽니다. { $smaller }{ PARTICLE($smaller, "을/를") } 써 보세요
net-diverged-step-hint = 이 신경망에서는 한 걸음이 너무 멀리 갔습니다. 1차 옵티마이저를 쓰거나 스텝 수를 줄여 보세요

# 그림 설명.
net-caption-one = 각 뉴런 아래: 스텝 1 전의 순전파에서 그 뉴런의 값(입력 또는 out).
net-caption-of-sample = 각 뉴런 아래: 스텝 1 전, 샘플 { $samples }개 가운데 샘플 { $sample }의 순전파에서 그 뉴런의 값(입력 또는 out).
net-caption-gradients-one = 보라색: 각 뉴런의 δ = ∂E/∂net과 각 파라미터의 ∂E/∂w (스텝 1이 쓰는 기울기).
net-caption-gradients-batch = 보라색: 그 샘플에 대한 각 뉴런의 δ = ∂E/∂net과 배치 전체에 대한 각 파라미터의 ∂E/∂w (스텝 1이 쓰는 기울기).

# --format csv일 때, 긴 실행이 스텝을 뺐으면 stderr에.
net-kept-steps = 스텝 { $first }–{ $last_head }, { $first_tail }–{ $last } ({ $total }개 가운데 { $kept }개; docs/limits.md)
net-csv-note = 참고: CSV에는 다음 스텝만 들어 있습니다: { $steps }

# 손실, 그 기울기 또는 헤세 행렬의 값이 없는 시작점.
net-cannot-start = { $optimizer }{ PARTICLE($optimizer, "은/는") } 이 파라미터에서 시작할 수 없습니다: { $reason }
net-cannot-start-hint = 다른 가중치에서 시작하거나, adam 같은 1차 옵티마이저를 고르세요

# net이 실행 전에 받아들이지 않는 것.
net-no-data = 명세 { $spec }에는 데이터가 없습니다
net-no-data-hint = inputs = [[…]]와 targets = [[…]]를 넣거나, CSV 파일을 가리키는 [data] 표를 넣으세요
net-given-steps-option = --steps { $steps }
net-given-steps-spec = 명세의 steps = { $steps }
net-steps-range = { $given }: 스텝 수는 1부터 { $max }까지입니다
net-steps-hint = 스텝을 하나 이상 실행하세요. 오래 학습하려면 stepgrad train을 쓰세요
net-no-such-param = --param { $name }: 신경망에 파라미터 { $name }{ PARTICLE($name, "이/가") } 없습니다
net-its-params = 파라미터: { $names }

# 모든 파라미터를 유도해 보여 주는 net과 graph에는 너무 큰 신경망.
net-too-many-parameters = { $shape }에는 가중치와 편향이 { $count }개 있습니다. { $command }{ PARTICLE($command, "은/는") } 그 하나하나를 유도해 보여 주므로 최대 { $limit }개까지만 다룹니다
net-too-many-parameters-hint = stepgrad train { $name }{ PARTICLE($name, "으로/로") } 학습시키세요
net-too-many-samples = { $name }에는 샘플이 { $count }개 있습니다. net은 샘플마다 순전파와 역전파를 하나하나 풀어 보이므로 최대 { $limit }개까지만 다룹니다
net-too-many-values = { $name }: 샘플 { $samples }개 × 가중치와 편향 { $parameters }개 = 전부 보여 주는 스텝마다 값 { $values }개입니다. net은 최대 { $limit }개까지만 보관합니다
net-too-many-samples-hint = stepgrad train { $name }{ PARTICLE($name, "으로/로") } 학습시키거나, net에는 행의 일부만 주세요

# 보고서에 없는 부분을 준 --show.
net-show-unknown = --show { $part }: 보고서에 그런 부분은 없습니다
net-show-unknown-hint = 부분은 network, formula, forward, backward, update(또는 all)입니다
