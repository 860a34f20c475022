# Learning-rate schedules of `train --schedule` and `--warmup`
# (src/optim/schedule.rs).

schedule-bad = --schedule { $given }: { $problem }
schedule-bad-hint = write step:EVERY:GAMMA (e.g. step:30:0.1), exponential:GAMMA (e.g. exponential:0.95) or cosine[:MIN_LR] (e.g. cosine or cosine:0.0001)
schedule-not-a-number = { $name } '{ $value }' is not a number
schedule-gamma-range = GAMMA { $value } must lie above 0 and at most 1 (the factor the rate is multiplied by)
schedule-every = EVERY '{ $value }' must be a whole number of epochs, at least 1
schedule-min-lr = MIN_LR { $value } must be 0 or more
schedule-parts = { $name } takes other parts
schedule-unknown = not a schedule stepgrad knows
schedule-no-lr = { $optimizer } has no learning rate for --schedule or --warmup to change
schedule-no-lr-hint = use a schedule with a first-order optimizer (sgd, momentum, adam, …), or leave --schedule and --warmup out
schedule-min-above-lr = --schedule cosine:{ $min }: the minimum must lie below the learning rate { $lr }

help-stepgrad-train--restore_best = End with the parameters of the best epoch (smallest validation loss, else training loss)
help-stepgrad-train--schedule = Learning-rate schedule per epoch: step:EVERY:GAMMA, exponential:GAMMA or cosine[:MIN_LR] (PyTorch's StepLR, ExponentialLR, CosineAnnealingLR)
help-stepgrad-train--warmup = Epochs of linear warm-up of the learning rate before the schedule
