# 옵티마이저의 이름, 갱신 규칙 안의 말, 뉴턴 방법이나 BFGS의 한 스텝이 남기는
# 참고 ($value, $alpha, $tau: 출력된 수).

optim-sgd-nesterov = 네스테로프 모멘텀 SGD
optim-sgd-momentum = 모멘텀 SGD
optim-sgd = 경사 하강법(SGD)
optim-adagrad = Adagrad
optim-rmsprop-centered = 중심화 RMSprop
optim-rmsprop = RMSprop
optim-adamw = AdamW
optim-adam = Adam
optim-newton = 뉴턴 방법
optim-bfgs = BFGS

# 갱신 규칙 안에서, 식 뒤에.
optim-rule-first-step = (스텝 1에서는 b = g)
optim-rule-adagrad-lr = (lrₜ = lr/(1 + (t − 1)·η))
optim-rule-newton-unless = (필요할 때가 아니면 τ = 0, α = 1)
optim-rule-bfgs-alpha = (α는 강한 Wolfe 조건의 선 탐색으로 구함)

optim-note-not-positive-definite = 헤세 행렬이 양의 정부호가 아니어서(숄레스키 분해가 되지 않습니다) 그냥 뉴턴 걸음으로는 내려가지 않을 수 있습니다. τ = { $tau }·I를 더했습니다
optim-note-shortened = 선 탐색이 걸음을 α = { $alpha }{ PARTICLE($alpha, "으로/로") } 줄였습니다
optim-note-reset = H⁻¹가 더는 내려가는 방향을 주지 않아 I로 되돌렸습니다
optim-note-scaled = H₀에 yᵀs/yᵀy = { $value }{ PARTICLE($value, "을/를") } 곱했습니다
optim-note-kept = yᵀs = { $value } ≤ 0이어서 갱신하면 양의 정부호가 깨집니다: H⁻¹는 그대로 둡니다
optim-note-not-wolfe = 선 탐색이 강한 Wolfe 조건을 만족하지 못하고 끝나서, 찾은 가장 좋은 점을 택했습니다

# 받아들이지 않은 옵티마이저나 하이퍼파라미터. $setting: 쓴 그대로의 설정
# (`--beta1 2`, `beta1 = 2`); $name: 옵션이나 명세의 키.
optim-unknown = 옵티마이저 '{ $name }'{ PARTICLE($name, "이/가") } 없습니다
optim-did-you-mean = { $meant }{ PARTICLE($meant, "을/를") } 쓰려던 것인가요? 옵티마이저: { $names }
optim-the-optimizers-are = 옵티마이저: { $names }
optim-the-learning-rate = 학습률
optim-must-be-positive = { $setting }: { $what }{ PARTICLE($what, "은/는") } 양수여야 합니다
optim-for-example = 예: { $setting }
optim-must-lie-below-one = { $setting }: 값은 [0, 1) 안에 있어야 합니다
optim-typical-decays = 흔히 0.9와 0.999를 씁니다
optim-must-lie-in-unit = { $setting }: 값은 [0, 1] 안에 있어야 합니다
optim-typical-momentum = 모멘텀은 흔히 0.9를 씁니다
optim-not-negative = { $name }{ PARTICLE($name, "은/는") } 음수일 수 없습니다
optim-does-not-apply = { $name }{ PARTICLE($name, "은/는") } { $optimizer }에 쓰이지 않습니다
optim-see-docs = 옵티마이저마다의 하이퍼파라미터는 docs/optimizers.md를 보세요
optim-remove-or-choose = { $remove }. 아니면 그 값을 쓰는 옵티마이저를 고르세요 (docs/optimizers.md에 옵티마이저마다의 하이퍼파라미터가 있습니다)
optim-remove-option = { $name }{ PARTICLE($name, "을/를") } 빼세요
optim-remove-key = [train]에서 { $name }{ PARTICLE($name, "을/를") } 빼세요
optim-nesterov-needs = 네스테로프 모멘텀에는 0보다 큰 모멘텀이 필요하고, dampening은 쓸 수 없습니다
optim-nesterov-hint = PyTorch가 요구하는 대로 { $name } 없이 { $setting }{ PARTICLE($setting, "을/를") } 쓰세요
optim-no-lr = { $optimizer }에는 학습률이 없습니다: 걸음을 스스로 정합니다

# 스텝을 밟을 수 없었던 까닭, 또는 값이 없는 까닭 ($label: f, ∂f/∂x, …;
# $error: 계산기가 알려 준 이유).
optim-no-lower-step = 선 탐색이 f를 낮추는 걸음을 찾지 못했습니다
optim-not-made-definite = 헤세 행렬을 양의 정부호로 만들 수 없었습니다
optim-overflows = { $label }{ PARTICLE($label, "이/가") } 넘칩니다: { $error }
optim-undefined = { $label }{ PARTICLE($label, "이/가") } 정의되지 않습니다: { $error }
optim-hessian-entry = 헤세 행렬의 ({ $row }, { $column }) 성분이 { $value }{ PARTICLE($value, "이/가") } 되어 유한한 수가 아닙니다

# 받을 수 있는 것보다 변수가 많은 뉴턴 방법이나 BFGS ($needs:
# optim-newton-needs 또는 optim-bfgs-needs; $what: optim-what-…).
optim-beyond-variables = { $needs }. stepgrad는 이 방법을 변수 { $limit }개까지만 실행합니다
optim-beyond-variables-hint = { $instead } (한도는 docs/limits.md에 있습니다)
optim-newton-needs = 뉴턴 방법은 { $what }에 대한 { $count }×{ $count } 헤세 행렬을 만들고 분해합니다
optim-newton-instead = 곡률을 기울기로부터 익히는 bfgs나, adam 같은 1차 옵티마이저를 고르세요
optim-bfgs-needs = BFGS는 { $what }에 대한 { $count }×{ $count } 행렬을 보관합니다
optim-bfgs-instead = adam 같은 1차 옵티마이저를 고르세요
optim-what-variables = 함수의 변수 { $count }개
optim-what-parameters = 이 신경망의 학습할 파라미터 { $count }개
