# 요즘 신경망의 활성화 함수와 그에 딸린 함수(softplus, silu, leaky_relu, elu,
# gelu, erf, erfc, log10, log2)의 미분 법칙, 그리고 계산할 수 없는 경우의 메시지.

rule-softplus = softplus의 미분
rule-silu = SiLU의 미분
rule-leaky-relu = Leaky ReLU의 미분
rule-elu = ELU의 미분
rule-gelu = GELU의 미분
rule-error-function = erf의 미분
rule-base-logarithm = 밑이 있는 로그함수의 미분

rule-leaky-relu-formula = leaky_relu′(u) = 0.01 + 0.99·step(u): u > 0이면 1, u < 0이면 0.01이고, 꺾이는 점 u = 0에서 stepgrad는 PyTorch처럼 0.01을 씁니다
rule-elu-formula = elu′(u) = e^min(u, 0): u > 0이면 1, u ≤ 0이면 eᵘ입니다

eval-log-zero = { $function }의 인자는 양수여야 하는데, { $argument }{ PARTICLE($argument, "은/는") } 0입니다
eval-log-negative = { $function }의 인자는 양수여야 하는데, { $argument }{ PARTICLE($argument, "은/는") } 음수({ $value })입니다
