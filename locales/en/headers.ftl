# Column headers of the commands' tables (and the labels of their rows
# where a table has them). `i18n::header` finds a header by its English.

header-accuracy = accuracy
header-after = after
header-batch-size = batch size
header-before = before
header-derivative = derivative
header-epoch = epoch
header-evaluations = evaluations f / ∇f / H
header-final-f = final f
header-final-loss = final loss
header-final-point = final point
header-iterations = iterations
header-iterations-per-epoch = iterations per epoch
header-kind = kind
header-loss = loss
header-net-value = net value
header-neuron = neuron
header-node = node
header-operation = operation
header-optimizer = optimizer
header-parameter = parameter
header-quantity = quantity
header-sample = sample
header-samples-seen = samples seen
header-last-batch-size = size of the last batch
header-batch-loss-spread = spread of batch losses
header-step = step
header-steps = steps
header-stopped = stopped
header-time = time
header-total-iterations = total iterations
header-update = update
header-val-accuracy = val accuracy
header-val-loss = val loss
header-value = value
header-your-answer = your answer
