# 식이 어떤 점에서 값을 갖지 못하는 까닭 (EvalError). $expression과 피연산자는
# 출력된 식, $value는 출력된 수입니다.

eval-unbound = { $name }의 값이 주어지지 않았습니다
eval-domain = 이 점에서 { $expression }{ PARTICLE($expression, "은/는") } 정의되지 않습니다: { $detail }
eval-overflow = { $expression }{ PARTICLE($expression, "은/는") } 너무 커서 계산할 수 없습니다 (오버플로)
eval-zero-denominator = 분모 { $denominator }{ PARTICLE($denominator, "이/가") } 0입니다
eval-zero-to-negative-power = 0을 음수로 거듭제곱했습니다
eval-negative-base = 밑 { $base }{ PARTICLE($base, "이/가") } 음수({ $value })인데 지수 { $exponent }{ PARTICLE($exponent, "은/는") } 정수가 아닙니다
eval-ln-zero = ln의 인자는 양수여야 하는데, { $argument }{ PARTICLE($argument, "은/는") } 0입니다
eval-ln-negative = ln의 인자는 양수여야 하는데, { $argument }{ PARTICLE($argument, "은/는") } 음수({ $value })입니다
eval-sqrt-negative = sqrt의 인자는 0 이상이어야 하는데, { $argument }{ PARTICLE($argument, "은/는") } { $value }입니다
