# Network specs: every mistake at its line and column (src/network/spec/),
# and finding a spec by path or example name (src/network/examples.rs).

spec-did-you-mean = did you mean { $meant }? The choices are { $choices }
spec-the-choices-are = the choices are { $choices }
spec-for-example = for example { $example }
spec-see-example = see examples/mazur.toml for a complete spec

## Layers, activations, bias and loss

spec-too-few-layers = layers needs at least an input size and an output size
spec-too-few-layers-hint = for example layers = [2, 2, 1]: 2 inputs, 2 hidden neurons, 1 output
spec-layer-size = a layer of { $count } neurons
spec-layer-size-hint = each layer needs between 1 and { $max } neurons (docs/limits.md)
spec-activation-not-string = activation names must be strings
spec-activation-count = { $count } activations for { $layers } layers after the input
spec-activation-count-hint = give one name for all layers, or { $layers } names, one per layer after the input
spec-activation-kind = activation must be a name or a list of names
spec-unknown-activation = unknown activation '{ $name }'
spec-hidden-softmax = softmax on hidden layer { $layer } of { $layers }
spec-hidden-softmax-hint = softmax turns the output layer into probabilities; use sigmoid, tanh or relu in hidden layers
spec-unknown-bias = unknown bias mode '{ $name }'
spec-too-many-parameters = this network has { $count } weights and biases; stepgrad trains at most { $max }
spec-too-many-parameters-hint = use fewer or smaller hidden layers (docs/limits.md)
spec-unknown-loss = unknown loss '{ $name }'
spec-cross-entropy-output = cross_entropy needs a softmax output layer, but the output activation is { $activation }
spec-cross-entropy-output-hint = set the output layer's activation to softmax
spec-bce-output = bce needs a sigmoid output layer, but the output activation is { $activation }
spec-bce-output-hint = set the output layer's activation to sigmoid (bce compares probabilities)

## Weights and biases

spec-weights-and-init = both weights and init are given
spec-weights-and-init-hint = give the weights explicitly or an init scheme, not both
spec-biases-without-weights = biases are given without weights
spec-biases-without-weights-hint = give weights too, or leave both to init
spec-negative-seed = the seed must not be negative
spec-negative-seed-hint = use a seed such as 0 or 42
spec-layer = layer { $layer } ({ $from } → { $to })
spec-layer-input = input
spec-layer-hidden = hidden layer { $number }
spec-layer-output = output
spec-weight-matrices = weights has { $count } matrices, but the network has { $layers } layers after the input
spec-weight-matrices-hint = give one matrix W[out][in] per layer after the input
spec-matrix-shape = { $layer } needs a { $rows }×{ $columns } matrix ({ $rows } neurons × { $columns } inputs), but this is { $shape }
spec-ragged-matrix = { $rows } rows of different lengths
spec-matrix-shape-hint = row j lists the weights into neuron j, one per neuron of the layer before
spec-biases-but-none = biases are given but bias = "none"
spec-biases-but-none-hint = remove biases, or choose bias = "per_neuron" or "per_layer"
spec-weights-without-biases = weights are given but biases are not
spec-weights-without-biases-hint = add biases = [[…], …], one list per layer after the input
spec-bias-lists = biases has { $count } lists, but the network has { $layers } layers after the input
spec-bias-lists-hint = give one list of biases per layer after the input
spec-bias-count = { $layer } needs { $count } { $count ->
        [one] bias
       *[other] biases
    }, but this list has { $found }
spec-per-layer-hint = bias = "per_layer" shares one bias per layer: write [b]
spec-per-neuron-hint = bias = "per_neuron" gives each of the { $count } neurons its own bias
spec-not-finite = { $value } is not a finite number
spec-not-finite-hint = use ordinary numbers such as 0.5

## Initialisation schemes

spec-init-too-wide = '{ $scheme }' is too wide: its width b − a = { $width } exceeds the largest 64-bit float
spec-init-too-wide-hint = draw from a narrower range, e.g. uniform(-0.5, 0.5)
spec-init-bad-range = '{ $scheme }' is not a valid uniform range
spec-init-bad-range-hint = write uniform(a, b) with numbers a < b, e.g. uniform(-0.5, 0.5)
spec-unknown-init = unknown init '{ $name }'
spec-unknown-init-hint = the choices are xavier, he and uniform(a, b)

## Samples: inline, or a [data] file

spec-inputs-width = sample { $sample } of inputs has { $count } inputs; the network takes { $width }
spec-targets-width = sample { $sample } of targets has { $count } targets; the output layer has { $width }
spec-row-width-hint = each row of { $field } needs { $width } numbers
spec-inputs-without-targets = inputs are given without targets
spec-inputs-without-targets-hint = add targets = [[…], …], one row per sample
spec-targets-without-inputs = targets are given without inputs
spec-targets-without-inputs-hint = add inputs = [[…], …], one row per sample
spec-data-twice = data is given both inline and as a file
spec-data-twice-hint = keep either inputs/targets or [data]
spec-rows-differ = { $inputs } rows of inputs but { $targets } rows of targets
spec-rows-differ-hint = give one row of targets per sample
spec-targets-not-probabilities = the targets of sample { $sample } sum to { $sum }, but cross_entropy needs probabilities that sum to 1
spec-targets-not-probabilities-hint = use one-hot targets such as [0, 1, 0]
spec-targets-outside-0-1 = the targets of sample { $sample } must lie between 0 and 1 for bce
spec-targets-outside-0-1-hint = bce compares probabilities: use targets such as 0 or 1
spec-data-columns = [data] needs either targets = [columns] or label = "column"
spec-data-columns-hint = targets names numeric target columns; label names one class column
spec-data-unreadable = cannot read { $path }: { $reason }
spec-data-unreadable-hint = the path is relative to the spec file
spec-data-inputs = { $path } has { $count } input columns ({ $names }), but the network takes { $inputs } inputs
spec-data-inputs-hint = make layers[0] the number of input columns
spec-data-targets = { $path } gives { $count } targets per sample, but the output layer has { $outputs } neurons
spec-data-targets-hint = make the last layer size the number of targets (or classes)

## [train]

spec-learning-rate = the learning rate must be a positive number, not { $value }
spec-learning-rate-hint = typical values lie between 0.001 and 1
spec-at-least-one = { $key } must be at least 1, not { $value }
spec-steps-hint = steps counts the updates to run
spec-a-count = { $key } is a count

## Finding a spec

spec-file-unreadable = { $path }: { $reason }
spec-no-such-spec = there is no spec file or built-in example named '{ $name }'
spec-did-you-mean-example = did you mean { $meant }? The built-in examples are { $names }
spec-give-a-spec = give the path of a .toml spec, or one of the built-in examples: { $names }
