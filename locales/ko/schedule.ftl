# `train --schedule`과 `--warmup`의 학습률 스케줄 (src/optim/schedule.rs).

schedule-bad = --schedule { $given }: { $problem }
schedule-bad-hint = step:EVERY:GAMMA(예: step:30:0.1), exponential:GAMMA(예: exponential:0.95), cosine[:MIN_LR](예: cosine, cosine:0.0001) 가운데 하나로 쓰세요
schedule-not-a-number = { $name } '{ $value }'{ PARTICLE($value, "은/는") } 수가 아닙니다
schedule-gamma-range = GAMMA { $value }{ PARTICLE($value, "은/는") } 0보다 크고 1 이하여야 합니다 (학습률에 곱하는 비율)
schedule-every = EVERY '{ $value }'{ PARTICLE($value, "은/는") } 1 이상의 에포크 수(정수)여야 합니다
schedule-min-lr = MIN_LR { $value }{ PARTICLE($value, "은/는") } 0 이상이어야 합니다
schedule-parts = { $name }의 형식이 맞지 않습니다
schedule-unknown = stepgrad가 아는 스케줄이 아닙니다
schedule-no-lr = { $optimizer }에는 --schedule이나 --warmup이 바꿀 학습률이 없습니다
schedule-no-lr-hint = 스케줄은 1차 옵티마이저(sgd, momentum, adam 등)와 함께 쓰거나, --schedule과 --warmup을 빼세요
schedule-min-above-lr = --schedule cosine:{ $min }: 최솟값은 학습률 { $lr }보다 작아야 합니다

help-stepgrad-train--restore_best = 가장 좋은 에포크(검증 손실, 없으면 학습 손실이 가장 작은 에포크)의 파라미터로 끝냅니다
help-stepgrad-train--schedule = 에포크마다 학습률을 바꾸는 스케줄: step:EVERY:GAMMA, exponential:GAMMA, cosine[:MIN_LR] (PyTorch의 StepLR, ExponentialLR, CosineAnnealingLR)
help-stepgrad-train--warmup = 스케줄 전에 학습률을 선형으로 올리는 워밍업 에포크 수
