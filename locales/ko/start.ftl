# 시작값: 첫 갱신 전에 유한한 값이 없는 값을, 보고서가 부르는 이름으로
# 알려 줍니다 (src/network/start.rs, src/training/start.rs).

start-fault = { $fails ->
        [overflows] 시작 파라미터로 계산하면 { $value }에서 오버플로가 일어납니다
       *[undefined] 시작 파라미터로 계산하면 { $value }{ PARTICLE($value, "이/가") } 정의되지 않습니다
    }: { $cause }
start-fault-on-sample = { $fails ->
        [overflows] 시작 파라미터로 { $sample }{ PARTICLE($sample, "을/를") } 계산하면 { $value }에서 오버플로가 일어납니다
       *[undefined] 시작 파라미터로 { $sample }{ PARTICLE($sample, "을/를") } 계산하면 { $value }{ PARTICLE($value, "이/가") } 정의되지 않습니다
    }: { $cause }
start-fault-hint = 첫 갱신 전에는 모든 값이 유한해야 합니다(±1.8e308 이내). 더 작은 가중치(더 좁은 init 범위)에서 시작하거나, 더 작은 입력을 주세요 (예: train --standardize)
start-sample = 샘플 { $number }
start-validation-sample = 검증 샘플 { $number }
start-some-value = 신경망의 어떤 값
start-hessian = E의 헤세 행렬
start-too-large = { $operation }{ PARTICLE($operation, "은/는") } 64비트 부동소수점으로 나타내기에 너무 큽니다{ $operands }
start-no-value-as = { $operation }에는 값이 없습니다: { $reason }{ $operands }
start-unbound = { $name }에는 값이 없습니다
start-sum-overflows = 샘플마다의 값은 유한하지만, 모든 샘플에 걸쳐 더하면 { $total }{ PARTICLE($total, "이/가") } 됩니다
start-total-is = 모든 샘플에 걸쳐 더하면 { $total }{ PARTICLE($total, "이/가") } 됩니다
start-not-finite-on-sample = 이 샘플에서 값이나 기울기가 유한한 수가 아닙니다
