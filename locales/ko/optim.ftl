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
