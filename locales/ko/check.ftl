# `stepgrad check`의 보고서: 판정, 판정한 방법, 틀린 답이 어긋나는 점,
# 예상되는 실수 (레슨의 연습 문제도 이 진단으로 실수를 설명합니다).
# $answer, $derivative, $equation, $factor, $point는 수식이고,
# `check-differs-at`의 $expected와 $answer는 출력된 수입니다.

check-correct-verdict = 맞습니다.
check-not-correct-verdict = 틀렸습니다.
check-your-answer = 입력한 답
check-undefined = 정의되지 않음
check-checking = { $equation }인지 확인
check-correct-label = ✓ 맞습니다:
check-correct = { $answer }{ PARTICLE($answer, "은/는") } { $derivative }{ PARTICLE($derivative, "와/과") } 같습니다.
check-not-correct-label = ✗ 틀렸습니다:
check-not-correct = { $answer }{ PARTICLE($answer, "은/는") } { $derivative }{ PARTICLE($derivative, "와/과") } 같지 않습니다.

# 틀린 답이 어긋나는 점: 터미널에서, Markdown 표 위에서, 노트의 한 문단에서.
check-at-point = { $point }에서:
check-differs-at = { $point }에서 도함수의 값은 { $expected }인데, 입력한 답은 { $answer }입니다.
check-undefined-at = { $point }에서 도함수의 값은 { $expected }인데, 입력한 답은 정의되지 않습니다.
check-differs-at-notes = { $point }에서 도함수의 값은 { $expected }이고 입력한 답은 { $answer }입니다.
check-undefined-at-notes = { $point }에서 도함수의 값은 { $expected }이지만 입력한 답은 정의되지 않습니다.
check-likely-mistake = 예상되는 실수: { $mistake }.
check-derivative-is = 도함수는 { $derivative }입니다.
check-derivative-is-displayed = 도함수는 다음과 같습니다: { $derivative }

# 판정한 방법. $place는 check-place-… 가운데 하나로, 뒤의 "점"을 꾸밉니다.
check-decided-symbolically = 기호 계산으로 판정했습니다: 답 − 도함수를 정리하면 0이 되고, 도함수가 정의되는 곳에서는 답도 모두 정의됩니다. { $place } 점 { $points }개에서 확인했습니다.
check-decided-numerically = 수치로 판정했습니다: { $place } 점 { $points }개에서 두 식의 값이 계산의 반올림 오차 안에서 일치합니다. 두 식의 차는 정리해도 0이 되지 않았습니다.
check-decided-numerically-undefined = 수치로 판정했습니다: 위의 점에서 도함수는 정의되지만 입력한 답은 정의되지 않습니다.
check-decided-numerically-difference = 수치로 판정했습니다: 위의 점에서 두 값의 차이가 계산의 반올림 오차보다 큽니다.
check-decided-by-variables = 변수로 판정했습니다: 입력한 답에 식에 없는 변수가 들어 있습니다.
check-place-random = 무작위로 고른 점과 그 점을 지나는 직선 위의
check-place-one-piece = 0 근처와 양쪽으로 먼 곳의
check-place-pieces = { $pieces } 각 구간의 끝 근처와 먼 곳의

# 실수 직선의 구간 ($pieces: "x < −3" 같은 조건을 나열한 것).
check-every = 모든 { $var }
check-list = { $init }{ PARTICLE($init, "와/과") } { $last }
check-agrees-only = 입력한 답은 { $pieces }에서만 도함수와 같습니다.
check-undefined-only = { $pieces }에서는 도함수가 정의되지만 입력한 답은 정의되지 않습니다.

# 예상되는 실수.
check-missing-inner-factor = 연쇄 법칙에서 안쪽 미분을 곱하지 않았습니다. { $equation }{ PARTICLE($equation, "을/를") } 곱해야 합니다
check-missing-product-term = 곱의 법칙의 항 하나가 빠졌습니다. { $factor }{ PARTICLE($factor, "을/를") } 미분한 항이 없습니다 (곱의 법칙은 인수마다 항을 하나씩 만듭니다)
check-reversed-quotient = 몫의 법칙에서 분자의 순서가 바뀌었습니다. 분자는 u′·v − u·v′입니다 (분자의 도함수가 먼저 옵니다)
check-reciprocal-sign = 부호가 틀렸습니다. 1/v의 도함수는 −v′/v²입니다 (1/v = v^(−1)이므로 거듭제곱 법칙이 −1을 앞으로 내립니다)
check-product-of-derivatives = 곱의 법칙은 u′·v′가 아닙니다. u·v의 도함수는 u′·v + u·v′입니다
check-kept-constant-term = 상수항을 남겼습니다. 함수에 더한 상수의 도함수는 0이므로 (f + c)′ = f′입니다
check-dropped-constant-factor = 상수 인수 { $factor }{ PARTICLE($factor, "이/가") } 빠졌습니다. 상수 인수는 그대로 남습니다: (c·f)′ = c·f′
check-power-coefficient-missing = 거듭제곱 법칙의 계수가 빠졌습니다. (xⁿ)′ = n·xⁿ⁻¹에서 지수 n은 앞으로 내려와 곱해집니다
check-power-exponent-not-lowered = 거듭제곱 법칙에서 지수를 하나 줄이지 않았습니다. (xⁿ)′ = n·xⁿ⁻¹입니다
check-power-rule-on-exponential = 거듭제곱 법칙은 지수가 상수인 xⁿ에 씁니다. 지수에 변수가 있는 aˣ는 (aˣ)′ = aˣ·ln(a)입니다
check-function-sign = 부호가 틀렸습니다. { $rule }
check-sign-cos = cos의 도함수는 −sin입니다
check-sign-sin = sin의 도함수는 +cos입니다
check-sign-tanh = tanh의 도함수는 1 − tanh²이고, 이 값은 양수입니다
check-sign-ln = ln의 도함수는 +1/u입니다
check-sign-error = 부호가 틀렸습니다. 입력한 답은 도함수에 −1을 곱한 것입니다
check-constant-factor = 상수배만큼 다릅니다. 입력한 답은 도함수의 { $factor }배입니다
check-not-differentiated = 입력한 답이 도함수가 아니라 원래 식 그대로입니다
check-wrong-variable = { $var }{ PARTICLE($var, "이/가") } 아니라 { $other }에 대해 미분했습니다
check-rounded = 입력한 답이 도함수와 상대 오차 { $relative } 안에서만 같습니다. 상수를 반올림해서 쓴 것 같습니다 (0.333 대신 1/3처럼 정확한 값을 쓰세요)
check-unknown-variables = 입력한 답에 식에 없는 변수 { $names }{ PARTICLE($names, "이/가") } 들어 있습니다
check-names-many = { $first }, …, { $last } (모두 { $count }개)

# 판정하지 못한 까닭 (CheckError)과 할 일.
check-no-common-domain = 판정할 수 없습니다: 식과 도함수가 함께 정의되는 점을 찾지 못했습니다
check-no-common-domain-hint = check는 식이 정의되는 점에서 값을 비교하는데, 이 식은 실수 어디에서도 정의되지 않는 것 같습니다. 식을 다시 확인해 보세요
check-undecidable = 판정할 수 없습니다: 점 { $compared }개 가운데 { $unclear }개에서 두 식을 계산한 반올림 오차가 너무 커서 둘을 구별할 수 없습니다 (구별할 수 있었던 점은 { $conclusive }개뿐이고, { $required }개가 필요합니다)
check-undecidable-hint = 수가 너무 크거나 서로 너무 많이 상쇄되어 64비트 연산으로는 구별할 수 없습니다. 식의 크기를 조정하거나 답을 더 간단한 꼴로 써 보세요
