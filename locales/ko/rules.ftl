# `diff`와 `net --param`이 밝히는 미분 법칙의 이름, 그리고 말이 들어 있는
# 공식 (나머지는 수식뿐이라 src/calculus/rules.rs에 있습니다).
# 곱·몫·합처럼 식을 나누는 규칙은 "…의 법칙", 함수 하나의 도함수는 "…의 미분"으로
# 씁니다 (사인 법칙, 코사인 법칙은 삼각형의 정리와 헷갈립니다).

rule-constant = 상수의 미분
rule-variable = 변수의 미분
rule-constant-multiple = 상수배의 법칙
rule-sum = 합의 법칙
rule-difference = 차의 법칙
rule-power = 거듭제곱 법칙
rule-product = 곱의 법칙
rule-quotient = 몫의 법칙
rule-chain = 연쇄 법칙
rule-exponential = 지수함수의 미분
rule-logarithm = 로그함수의 미분
rule-sine = sin의 미분
rule-cosine = cos의 미분
rule-tangent = tan의 미분
rule-square-root = 제곱근의 미분
rule-tanh = tanh의 미분
rule-sigmoid = 시그모이드의 미분
rule-relu = ReLU의 미분
rule-absolute-value = 절댓값의 미분
rule-step-function = 계단 함수의 미분
rule-general-power = 일반 거듭제곱 법칙
rule-log-sum-exp = logsumexp의 미분
rule-repeated = 반복된 부분식
rule-simplify = 식 정리

rule-relu-formula = relu′(u) = step(u): u > 0이면 1, u < 0이면 0이고, 꺾이는 점 u = 0에서 stepgrad는 0을 씁니다
rule-absolute-value-formula = |u|′ = sign(u), u = 0에서는 정의되지 않습니다 (stepgrad는 0을 씁니다)
rule-step-function-formula = u ≠ 0에서 step′(u) = sign′(u) = 0
rule-general-power-formula = uᵛ = e^(v·ln u)에서 (uᵛ)′ = uᵛ·(v′·ln(u) + v·u′/u)
rule-repeated-formula = 위에서 이미 구함
rule-simplify-formula = 동류항 모으기, 소거, 수 계산
