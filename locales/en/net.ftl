# The report of `stepgrad net`: the network, its loss as a formula, each
# step's forward pass, loss, backward pass and update, and how the run ended.
# Numbers ($step, $total, $samples, …) come as printed; $count is the same
# number, for the plural form.

net-heading = Network { $name }
net-step-heading = Step { $step } of { $total }
net-forward-heading = Forward pass
net-loss-heading = Loss
net-backward-heading = Backward pass
net-update-heading = Update

# The setup paragraph. $bias is one of net-bias-…, $origin one of net-origin-…,
# $loss one of net-loss-…, $frozen empty or net-biases-frozen.
net-setup = Layers { $shape } with activation { $activations }; { $bias }; loss { $loss }. { $params } parameters ({ $weights } weights, { $biases } biases), { $origin }. { $samples } { $count ->
        [one] sample
       *[other] samples
    }. Optimizer: { $optimizer } with { $settings }{ $frozen }.
net-bias-per-neuron = one bias per neuron
net-bias-per-layer = one bias shared by each layer
net-bias-none = no biases
net-origin-spec = given in the spec
net-origin-init = initialised with { $scheme }, seed { $seed }
net-biases-frozen = ; biases are not updated
net-loss-half-sse = half_sse: E = ½·Σ(target − out)², summed over the outputs and the samples
net-loss-mse = mse: the mean of (target − out)² over all outputs and samples (as PyTorch's MSELoss)
net-loss-bce = bce: −[t·ln(out) + (1 − t)·ln(1 − out)], mean over all outputs and samples, computed in the safe log-sum-exp form t·ln(1 + e^−net) + (1 − t)·ln(1 + e^net)
net-loss-cross-entropy = cross_entropy: −Σ target·ln(out) with out = softmax(net), mean over the samples, computed as target·(lse − net) with lse = logsumexp of the outputs' nets

# The loss as a formula.
net-formula-heading = The loss as a formula
net-formula-serves = The same formula serves every sample: inputs and targets are variables, bound to one sample's values when it is evaluated.
net-fully-expanded = Fully expanded:
net-too-large-to-expand = Fully expanded, E_total would be an expression of { $size } nodes (the named form above stores each subexpression once), so it is not printed.
net-lse-note = log-sum-exp of the output nets
net-batch-loss-mean = The batch loss is the mean over the samples:
net-batch-loss-sum = The batch loss is the sum over the samples:
net-loss-every = Loss every { $every } steps
net-loss-before-step = E (before the step)

# The backward pass. $how is net-how-mean or net-how-sum.
net-backward-sample = For sample { $sample } (the update below uses the batch gradient, { $how } of the per-sample gradients).
net-how-mean = the mean
net-how-sum = the sum
net-backward-explained = Each neuron's δ = ∂E_total/∂net is computed once, from the output back, and reused by everything below it. All gradients are computed before any parameter changes: the hidden layers' gradients use the weights before the update too.
net-softmax-note = softmax with cross-entropy: the factors combine to out − target
net-sigmoid-note = sigmoid with binary cross-entropy: the factors combine to out − target
net-path-sum-note = a sum over the paths through the next layer
net-drawing-legend = The network: each layer's neurons feed every neuron of the next (─┬─▶); each edge's weight and each bias are listed under the drawing with their starting values.
net-backward-reuse = Each gradient then reuses the δ of the neuron its parameter feeds: ∂E_total/∂w = ∂E_total/∂net · ∂net/∂w = δ · the input w multiplies (for a bias, δ itself).
net-multiplications = Backpropagation formed each δ once and passed it back: { $backprop } multiplications of chain-rule factors for the { $weights } weights. Differentiating each weight on its own, multiplying out every path from it to the loss, would take { $separate }.

# The update.
net-update-rule = { $optimizer } with { $settings }; for each parameter θ, with g = ∂E/∂θ:
net-not-updated = { $value } (not updated)
net-step-quantities = Step quantities: { $quantities }.
net-matrix-over = { $symbol } over the trainable parameters:
net-step-note = Note: { $note }.

# --param.
net-derivation-heading = The derivation of ∂E_total/∂{ $name }
net-derivation-by-rules = The same derivative by the rules of differentiation, applied to E_total as a formula of { $name } (each named quantity is treated as the formula it names).
net-derivation-value = Its value for sample { $sample } at the first step is the backpropagation value: { $value }.
net-derivation-shared = Written out by the rules of differentiation with the chain rule fully expanded, ∂E_total/∂{ $name } is a sum of { $count } products, one for each path from { $name } to E_total through the neurons after it; their number multiplies with every layer the paths cross. stepgrad writes out derivations of at most { $limit } such products (docs/limits.md), so here is the shared form instead, the one backpropagation computes: each δ is computed once from the δs of the layer after it (the backward pass), and every path through a neuron shares its δ.
net-derivation-too-many = more than 18 quintillion
net-derivation-values-of = The values are those of sample { $sample } at the first step.

# How the run ended.
net-after-updates = After { $total } { $count ->
        [one] update
       *[other] updates
    }:
net-diverged-at = Diverged at step { $step }: { $reason }.
net-drawn-in = The network is drawn in { $path }.
net-diverged-error = training diverged at step { $step }: { $reason }
net-diverged-lr-hint = the learning rate { $lr } is too large for this network; try { $smaller }
net-diverged-step-hint = the method took a step too far for this network; try a first-order optimizer or fewer steps

# The picture's caption.
net-caption-one = Under each neuron: its value (input, or out) in the forward pass before step 1.
net-caption-of-sample = Under each neuron: its value (input, or out) in the forward pass of sample { $sample } of { $samples }, before step 1.
net-caption-gradients-one = In purple: each neuron's δ = ∂E/∂net, and each parameter's ∂E/∂w (the gradient step 1 uses).
net-caption-gradients-batch = In purple: each neuron's δ = ∂E/∂net for that sample, and each parameter's ∂E/∂w over the whole batch (the gradient step 1 uses).

# On stderr with --format csv, when a long run left steps out.
net-kept-steps = steps { $first } to { $last_head } and { $first_tail } to { $last } ({ $kept } of { $total }; docs/limits.md)
net-csv-note = note: the CSV lists only { $steps }

# A start where the loss, its gradient or its Hessian has no value.
net-cannot-start = { $optimizer } cannot start from these parameters: { $reason }
net-cannot-start-hint = start from other weights, or choose a first-order optimizer such as adam

# What net refuses before it runs.
net-no-data = the spec { $spec } has no data
net-no-data-hint = add inputs = [[…]] and targets = [[…]], or a [data] table with a CSV file
net-given-steps-option = --steps { $steps }
net-given-steps-spec = the spec's steps = { $steps }
net-steps-range = { $given } is outside 1 to { $max } steps
net-steps-hint = run at least one step; for long training use stepgrad train
net-no-such-param = --param { $name }: the network has no parameter { $name }
net-its-params = its parameters are { $names }

# Networks too large for net and graph, which derive and show every parameter.
net-too-many-parameters = { $shape } has { $count } weights and biases; { $command } derives and shows each of them, for at most { $limit }
net-too-many-parameters-hint = train it with stepgrad train { $name }
net-too-many-samples = { $name } has { $count } samples; net works through each sample's forward and backward pass, for at most { $limit }
net-too-many-values = { $name }: { $samples } samples × { $parameters } weights and biases is { $values } values for each step shown in full; net keeps at most { $limit }
net-too-many-samples-hint = train on them with stepgrad train { $name }, or give net a sample of the rows

# --show with a part the report does not have.
net-show-unknown = --show { $part }: not a part of the report
net-show-unknown-hint = the parts are network, formula, forward, backward, update (or all)
