# The report of `stepgrad epochs`: the arithmetic of epochs, batches and
# iterations, one sentence a step. Counts get thousands separators and
# choose the plural.

epochs-heading = Epochs and iterations
epochs-one-epoch = One epoch is one pass over all { $samples } { $samples ->
        [one] sample
       *[other] samples
    }; one iteration is one batch, one update of the weights.
epochs-exact = { $samples } ÷ { $batch } = { $full } { $full ->
        [one] batch
       *[other] batches
    } of { $batch } { $full ->
        [one] fills
       *[other] fill
    } an epoch exactly: { $per_epoch } { $per_epoch ->
        [one] iteration
       *[other] iterations
    } per epoch.
epochs-dropped = { $samples } ÷ { $batch } = { $full } { $full ->
        [one] full batch
       *[other] full batches
    } with { $left } { $left ->
        [one] sample
       *[other] samples
    } left over; --drop-last drops them, so each epoch has { $per_epoch } { $per_epoch ->
        [one] iteration
       *[other] iterations
    } and uses { $used } { $used ->
        [one] sample
       *[other] samples
    }.
epochs-last-batch = { $samples } ÷ { $batch } = { $full } { $full ->
        [one] full batch
       *[other] full batches
    } with { $left } { $left ->
        [one] sample
       *[other] samples
    } left over, which make one last, smaller batch of { $last }: { $per_epoch } { $per_epoch ->
        [one] iteration
       *[other] iterations
    } per epoch.
epochs-in-all = { $epochs } { $epochs ->
        [one] epoch
       *[other] epochs
    } × { $per_epoch } { $per_epoch ->
        [one] iteration
       *[other] iterations
    } = { $total } { $total_count ->
        [one] iteration
       *[other] iterations
    } in all.
epochs-seen = { $epochs } { $epochs ->
        [one] epoch
       *[other] epochs
    } × { $used } { $used ->
        [one] sample
       *[other] samples
    } = { $seen } { $seen_count ->
        [one] sample
       *[other] samples
    } seen ({ $each }).
epochs-each = each sample { $epochs } { $epochs ->
        [one] time
       *[other] times
    }
epochs-each-at-most = each sample at most { $epochs } { $epochs ->
        [one] time
       *[other] times
    } — the dropped ones change from epoch to epoch when shuffled
epochs-kind = With batch size { $batch }, this is { $kind }.

# Counts epochs cannot work with ($counts: epochs-counts-…; $what: epochs-what-…).
epochs-zero = { $option } 0: it counts { $counts }, so it must be at least 1
epochs-zero-hint = for example --samples 1000 --batch-size 25 --epochs 100
epochs-counts-samples = the samples in the training set
epochs-counts-batch = the samples in each batch
epochs-counts-epochs = the passes over the training set
epochs-beyond-limit = { $option } { $value }: epochs works with at most { $what }, the limit train has (docs/limits.md)
epochs-beyond-limit-hint = the arithmetic is the same at every scale: give { $option } { $limit } or fewer and scale the totals
epochs-what-samples = { $limit } samples
epochs-what-epochs = { $limit } epochs
epochs-batch-too-large = --batch-size { $batch } is larger than the { $samples } samples
epochs-batch-too-large-hint = a batch holds at most all the samples: --batch-size { $samples }
