# The report of `stepgrad train`: the network and the data, the arithmetic
# of epochs and iterations, why the run stopped, the summary, the batch
# sizes compared, and the advice after a divergence. Numbers given as
# counts ($samples, $epochs, …) get thousands separators and choose the
# plural; the others come as printed.

train-source-spec = the data of { $name }
train-heading = Training { $name }
train-setup = Network { $shape } with activation { $activations }, loss { $loss }. Optimizer: { $optimizer } with { $settings }. Data: { $source } — { $samples } training samples{ $held }{ $standardized }, { $features } { $feature_count ->
        [one] feature
       *[other] features
    }, { $targets } { $target_count ->
        [one] target
       *[other] targets
    }{ $classes }.
train-held-out = {" "}and { $count } held out for validation
train-standardized = , standardized
train-classes = {" "}(classes { $classes })

# The arithmetic of a run.
train-arithmetic = { $samples } { $samples ->
        [one] sample
       *[other] samples
    }, batch size { $batch } → { $per_epoch } { $per_epoch ->
        [one] iteration
       *[other] iterations
    } per epoch{ $last }; { $epochs } { $epochs ->
        [one] epoch
       *[other] epochs
    } → { $iterations } { $iterations_count ->
        [one] iteration
       *[other] iterations
    }, { $seen } { $seen_count ->
        [one] sample
       *[other] samples
    } seen
train-last-dropped = {" "}(the last { $count } samples are dropped each epoch)
train-last-batch = {" "}(last batch { $size })
train-kind-batch = batch gradient descent: every update uses all the samples
train-kind-stochastic = stochastic gradient descent: every update uses one sample
train-kind-mini-batch = mini-batch gradient descent: every update uses a slice of the samples
train-arithmetic-line = { $arithmetic }{ $at_most }: { $kind }.
train-at-most = {" "}at most (--target-loss or --patience may stop it sooner)

# Why the run stopped.
train-stop-epochs = Stopped after the maximum of { $epochs } epochs.
train-stop-target = Stopped at epoch { $epoch }: the loss reached the target.
train-stop-patience = Stopped at epoch { $epoch } (early stopping): the { $monitor } loss had not improved{ $best } for { $epochs } epochs.
train-monitor-validation = validation
train-monitor-training = training
train-best-on = {" "}on its best, { $loss } at epoch { $epoch },
train-diverged-at = Diverged at epoch { $epoch }, iteration { $iteration }: { $reason }.
train-best-was = { $text } The best { $monitor } loss was { $loss }, at epoch { $epoch }.
train-samples-of = { $done } of the { $of } { $of ->
        [one] sample
       *[other] samples
    }
train-interrupted-between = Interrupted (Ctrl-C) during epoch { $epoch }, after iteration { $iteration }; the epochs so far are shown.
train-interrupted-in-batch = Interrupted (Ctrl-C) during epoch { $epoch }, in iteration { $iteration } after { $samples } of its batch (that update was not made); the epochs so far are shown.
train-interrupted-in-step = Interrupted (Ctrl-C) during epoch { $epoch }, in the optimizer's step of iteration { $iteration } (that update was not made); the epochs so far are shown.
train-interrupted-before = Interrupted (Ctrl-C) while the network was evaluated before training, after { $samples }: nothing was trained.
train-interrupted-evaluating = Interrupted (Ctrl-C) while the network was evaluated at the end of epoch { $epoch }, after { $samples } (epoch { $epoch } has no row); the epochs so far are shown.

# The summary.
train-final = { $stop } Final loss { $loss }{ $validation }{ $accuracy } after { $iterations } { $iterations ->
        [one] iteration
       *[other] iterations
    } ({ $seen } { $seen ->
        [one] sample
       *[other] samples
    } seen).
train-final-validation = , validation loss { $loss }
train-final-accuracy = , training accuracy { $accuracy }
train-saved = {" "}Parameters saved to { $path }.
train-drawn = {" "}Curves drawn in { $path }.
train-table-cut = The table shows its first { $first } and last { $last } rows; { $left_out } between them are left out (a table of { $total } rows is more than anyone reads; --log-every chooses the rows, and --format csv lists { $listed }).
train-every-epoch = every epoch
train-listed-epochs = epochs { $first } to { $last_head } and { $first_tail } to { $last } ({ $kept } of { $total }; docs/limits.md)
train-curve = Loss by epoch
train-curve-log = Loss by epoch, on a logarithmic scale

# --compare: a run per optimizer.
train-compare-setup = each of { $names }
train-compare-setup-settings = its own settings (listed below)
train-compare-heading = Optimizers compared
train-compare-same = Every optimizer starts from the same weights and sees the same batches in the same order (seed { $seed }): { $arithmetic }.
train-compare-settings = The settings: { $settings }.
train-compare-diverged = diverged in epoch { $epoch }
train-compare-interrupted = stopped by Ctrl-C
train-compare-with = --compare cannot be used with { $option }: { $reason }
train-compare-with-batch = a comparison changes the optimizer with the batch size fixed, --compare-batch the batch size with the optimizer fixed
train-compare-with-save = a comparison trains one network per optimizer, and --save keeps one
train-compare-with-restore = --restore-best keeps the best epoch of one run, and a comparison makes several runs
train-compare-with-hint = compare first, then train the optimizer you choose on its own with --optimizer NAME and { $option }
train-compare-twice = --compare runs the same optimizer with the same settings twice ({ $first } and { $second }): the second run would repeat the first number for number
train-compare-twice-hint = name each optimizer once, e.g. --compare sgd,momentum,adam; to compare settings of one optimizer, train it once with each

# --compare-batch.
train-compared-heading = Batch sizes compared
train-compared = Every run starts from the same weights and sees the same number of epochs. Smaller batches take more, cheaper, noisier steps: the spread is the standard deviation of the batch losses within an epoch, averaged over the epochs.
train-batch = batch
train-stochastic = stochastic
train-mini-batch = mini-batch

# The picture's legends.
train-plot-batch = batch { $size }
train-plot-batch-loss = batch loss per iteration
train-plot-loss = training loss per epoch
train-plot-validation-loss = validation loss
train-plot-accuracy = training accuracy (%)
train-plot-validation-accuracy = validation accuracy (%)
train-plot-lr = learning rate

# After a divergence.
train-diverged-error = training diverged at epoch { $epoch }, iteration { $iteration }: { $reason }
train-hint-lr = the learning rate { $lr } is too large for this network; try --lr { $smaller }
train-hint-other-start = start from other weights or use a first-order optimizer

# The name of a spec whose hidden layers --hidden replaced ($hidden: the
# sizes, joined by commas).
train-reshaped-name = { $name } with hidden layers { $hidden }

# What train refuses before it runs. $given: the option or the spec's key as
# written (train-given-option, train-given-spec).
train-given-epochs-option = --epochs { $epochs }
train-given-epochs-spec = the spec's epochs = { $epochs }
train-epochs-range = { $given }: train for between 1 and { $max } epochs
train-epochs-hint = for example --epochs 100
train-val-too-few = too few samples to hold some out for validation
train-val-too-few-hint = drop --val
train-val-range = --val { $fraction }: the fraction must lie strictly between 0 and 1
train-val-hint = for example --val 0.2
train-drop-last-all = --drop-last would drop every sample
train-drop-last-hint = choose a smaller batch size
train-whole-set = { $optimizer } works on the whole training set, not on mini-batches
train-whole-set-hint = use --batch-size { $samples } with it, or a first-order optimizer such as adam
train-target-loss = --target-loss { $loss }: it must be a number ≥ 0
train-target-loss-hint = for example --target-loss 0.01
train-patience-zero = --patience 0 would stop at once
train-patience-hint = for example --patience 10
train-log-every-zero = --log-every 0: give a number of epochs
train-log-every-hint = for example --log-every 10
train-compare-not-size = --compare-batch: '{ $size }' is not a batch size
train-compare-not-size-hint = give sizes such as 1,16,N (N: all the samples)
train-compare-range = --compare-batch: { $size } is not between 1 and the { $samples } samples
train-compare-range-hint = give sizes such as 1,16,N

# On stderr with --format csv, when a long run left epochs out.
train-csv-note = note: the CSV lists only { $listed }

# A batch size that cannot be. $given: train-given-batch-…; $training:
# train-training-samples or train-training-samples-after-val.
train-given-batch-option = --batch-size { $size }
train-given-batch-spec = the spec's batch_size = { $size }
train-batch-empty = { $given }: a batch needs at least one sample
train-batch-too-big = { $given }: a batch cannot hold more than the { $training }
train-training-samples = { $n } { $count ->
        [one] training sample
       *[other] training samples
    }
train-training-samples-after-val = { $n } { $count ->
        [one] training sample
       *[other] training samples
    } left after --val
train-batch-hint-option = choose a batch size from 1 (stochastic) to { $n } (batch gradient descent)
train-batch-hint-spec = set batch_size in the spec's [train] to at most { $n }, or give --batch-size

# The generated data sets' options.
train-noise-range = --noise { $noise }: it must lie between 0 and 1
train-noise-hint = for example --noise 0.2
train-samples-range = --samples { $samples }: generated sets have 2 to { $max } samples
train-samples-hint = for example --samples 200

# Why --batch-size cannot be read (after clap's "invalid value").
train-batch-size-negative = a batch size cannot be negative: give a number of samples, or N for all of them
train-batch-size-not-a-number = '{ $value }' is not a batch size: give a number of samples, or N for all of them
