# --help: what each command does and what each option means.
# Ids: help-stepgrad (the program), help-stepgrad-CMD (a command),
# help-stepgrad-CMD--ARG (its options and arguments).

help-usage = Usage
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-flag-help = Print help
help-flag-version = Print the version
help-values = (one of: { $values })
help-default = (default: { $value })
help-stepgrad-long = stepgrad derives derivatives with the chain rule, naming each rule, and shows every number of a network's forward pass, backward pass and weight update.
help-stepgrad-examples =
    Examples:
      stepgrad lesson 1
      stepgrad diff "x^2*sin(x)" --at x=1.5
      stepgrad check "sin(3*x)" --answer "3*cos(3*x)"

help-stepgrad = Gradient descent and backpropagation, derived step by step
help-stepgrad--color = When to colour terminal output (auto: only when writing to a terminal and NO_COLOR is unset)
help-stepgrad--format = Output format: text for the terminal, markdown or latex for notes, json for scripts
help-stepgrad--digits = Significant digits of printed numbers (default 6)
help-stepgrad--lang = The language of everything stepgrad prints: en or ko (default: the locale, from LC_ALL, LC_MESSAGES or LANG)
help-stepgrad--notation = How derivatives of one variable are written: leibniz (d/dx) or prime (f′)
help-stepgrad--standalone = With --format latex: a complete document (article class, amsmath, amssymb, graphicx) rather than a fragment
help-stepgrad--output = Write the result to this file instead of stdout (whole or not at all); the extension picks the format when --format is absent: .md .tex .json .csv .svg
help-stepgrad-diff = Differentiate an expression step by step, naming each rule
help-stepgrad-diff--expr = The expression, e.g. "x^2*sin(x)" or "(y - sigmoid(w*x+b))^2/2"
help-stepgrad-diff--wrt = Variable to differentiate by; repeat or separate with commas for a gradient
help-stepgrad-diff--at = Values of the variables, e.g. --at w=0.5,x=1 (values may be expressions such as pi/2)
help-stepgrad-diff--no_steps = Show only the results, not the derivation
help-stepgrad-diff--hessian = Also compute the Hessian (all second derivatives)
help-stepgrad-diff--file = Read problems from a file (- for stdin), one a line: EXPR [; wrt=V] [; at=V=x,V=y]
help-stepgrad-check = Check a derivative worked out by hand
help-stepgrad-check--expr = The expression that was differentiated, e.g. "sin(3*x)"
help-stepgrad-check--answer = The derivative worked out by hand, e.g. "3*cos(3*x)"
help-stepgrad-check--wrt = The variable it was differentiated by (default: the only variable)
help-stepgrad-check--file = Read problems from a file (- for stdin), one a line: EXPR ; answer=EXPR [; wrt=V]
help-stepgrad-net = A worked example on a network: forward values, chain-rule gradients, updates (--check judges a step worked by hand)
help-stepgrad-net--spec = A spec file (.toml) or a built-in example: mazur, xor, softmax3
help-stepgrad-net--steps = Gradient-descent steps to run (default: the spec's [train] steps, else 1)
help-stepgrad-net--param = Also print one parameter's derivation by the rules of differentiation (its shared form when written out it would exceed 256 products)
help-stepgrad-net--show = What to show each step: formula, forward, backward, update (comma-separated)
help-stepgrad-net--sample = The sample whose chain-rule factors are shown (1-based)
help-stepgrad-net--optimizer = The optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs
help-stepgrad-net--lr = Learning rate (PyTorch's default for the optimizer when not given)
help-stepgrad-net--momentum = Momentum μ (sgd, rmsprop)
help-stepgrad-net--dampening = Dampening of the momentum (sgd)
help-stepgrad-net--nesterov = Nesterov momentum (sgd)
help-stepgrad-net--alpha = Smoothing constant α of the squared-gradient average (rmsprop)
help-stepgrad-net--centered = Centered RMSprop: divide by an estimate of the gradient's variance
help-stepgrad-net--beta1 = β₁, the decay of the first moment (adam, adamw)
help-stepgrad-net--beta2 = β₂, the decay of the second moment (adam, adamw)
help-stepgrad-net--eps = ε added to the denominator (adagrad, rmsprop, adam, adamw)
help-stepgrad-net--weight_decay = Weight decay λ (L2 penalty; decoupled for adamw)
help-stepgrad-net--lr_decay = Learning-rate decay η (adagrad)
help-stepgrad-net--line_search = Backtracking line search for Newton's method
help-stepgrad-net--scale_initial = Scale BFGS's first inverse-Hessian guess by yᵀs/yᵀy
help-stepgrad-net--plot = Draw the network as an SVG file: neurons, weights (thickness by magnitude), values
help-stepgrad-net--plot_gradients = With --plot: also label each weight with ∂E/∂w and each neuron with δ
help-stepgrad-graph = The computation graph of an expression or network, with values and gradients
help-stepgrad-graph--target = An expression such as "apple*count*tax", or a network spec (file or example name)
help-stepgrad-graph--at = Values of the expression's variables, e.g. --at apple=100,count=2,tax=1.1
help-stepgrad-graph--sample = For a network: the sample whose values are shown (1-based)
help-stepgrad-minimize = Run an optimizer on a function, showing every step and its internal state
help-stepgrad-minimize--expr = The function to minimise, e.g. "x0^2 + x1^2" or "(1 - x)^2 + 100*(y - x^2)^2"
help-stepgrad-minimize--start = Where to start, e.g. --start x0=-3,x1=4
help-stepgrad-minimize--optimizer = The optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs
help-stepgrad-minimize--lr = Learning rate (PyTorch's default for the optimizer when not given)
help-stepgrad-minimize--momentum = Momentum μ (sgd, rmsprop)
help-stepgrad-minimize--dampening = Dampening of the momentum (sgd)
help-stepgrad-minimize--nesterov = Nesterov momentum (sgd)
help-stepgrad-minimize--alpha = Smoothing constant α of the squared-gradient average (rmsprop)
help-stepgrad-minimize--centered = Centered RMSprop: divide by an estimate of the gradient's variance
help-stepgrad-minimize--beta1 = β₁, the decay of the first moment (adam, adamw)
help-stepgrad-minimize--beta2 = β₂, the decay of the second moment (adam, adamw)
help-stepgrad-minimize--eps = ε added to the denominator (adagrad, rmsprop, adam, adamw)
help-stepgrad-minimize--weight_decay = Weight decay λ (L2 penalty; decoupled for adamw)
help-stepgrad-minimize--lr_decay = Learning-rate decay η (adagrad)
help-stepgrad-minimize--line_search = Backtracking line search for Newton's method
help-stepgrad-minimize--scale_initial = Scale BFGS's first inverse-Hessian guess by yᵀs/yᵀy
help-stepgrad-minimize--steps = The most steps to take
help-stepgrad-minimize--tol = Stop once every component of the gradient is smaller than this
help-stepgrad-minimize--compare = Race several optimizers on the same function, e.g. --compare sgd,momentum,adam,bfgs
help-stepgrad-minimize--plot = Draw the function and the iterates as an SVG file
help-stepgrad-train = Train a network on data: batches, epochs, iterations, loss curves
help-stepgrad-train--spec = A network spec (file or built-in example); without one, a network is built for the data
help-stepgrad-train--data = The data: a CSV file, or builtin:NAME (xor, and, or, iris, circle, gauss, spiral, xor-noise, line, parabola, digits)
help-stepgrad-train--targets = The CSV's numeric target columns
help-stepgrad-train--label = The CSV's class-label column, turned into one-hot targets
help-stepgrad-train--standardize = Rescale every feature to mean 0 and standard deviation 1 (statistics of the training part)
help-stepgrad-train--standardize_targets = Rescale regression targets to mean 0 and standard deviation 1 (statistics of the training part); predictions and metrics stay in the targets' units
help-stepgrad-train--val = Hold out this fraction of the data for validation, e.g. --val 0.2
help-stepgrad-train--samples = Samples of a generated built-in set (default 200; 1,000 for digits)
help-stepgrad-train--noise = Noise of a generated built-in set, from 0 to 1
help-stepgrad-train--hidden = The hidden layers' sizes, replacing the spec's (the weights are then drawn afresh), e.g. --hidden 4 or --hidden 16,8
help-stepgrad-train--activation = The hidden layers' activation of the network built for the data (without a spec): sigmoid, tanh (the default), relu, identity, softplus, silu, leaky_relu, elu or gelu
help-stepgrad-train--epochs = The most epochs to run (passes over the training data)
help-stepgrad-train--batch_size = Samples per update: N (all of them) for batch gradient descent, 1 for stochastic, between for mini-batch
help-stepgrad-train--no_shuffle = Keep the samples in their order instead of shuffling each epoch
help-stepgrad-train--drop_last = Drop the last, smaller batch of each epoch
help-stepgrad-train--optimizer = The optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs
help-stepgrad-train--lr = Learning rate (PyTorch's default for the optimizer when not given)
help-stepgrad-train--momentum = Momentum μ (sgd, rmsprop)
help-stepgrad-train--dampening = Dampening of the momentum (sgd)
help-stepgrad-train--nesterov = Nesterov momentum (sgd)
help-stepgrad-train--alpha = Smoothing constant α of the squared-gradient average (rmsprop)
help-stepgrad-train--centered = Centered RMSprop: divide by an estimate of the gradient's variance
help-stepgrad-train--beta1 = β₁, the decay of the first moment (adam, adamw)
help-stepgrad-train--beta2 = β₂, the decay of the second moment (adam, adamw)
help-stepgrad-train--eps = ε added to the denominator (adagrad, rmsprop, adam, adamw)
help-stepgrad-train--weight_decay = Weight decay λ (L2 penalty; decoupled for adamw)
help-stepgrad-train--lr_decay = Learning-rate decay η (adagrad)
help-stepgrad-train--line_search = Backtracking line search for Newton's method
help-stepgrad-train--scale_initial = Scale BFGS's first inverse-Hessian guess by yᵀs/yᵀy
help-stepgrad-train--seed = Seed of the shuffles, the validation split, generated data and initial weights
help-stepgrad-train--target_loss = Stop once the training loss is at most this
help-stepgrad-train--patience = Early stopping: stop P epochs after the best loss (the validation loss with --val, else the training loss; epoch 0 counts), as Keras's EarlyStopping
help-stepgrad-train--log_every = Print a table row every K epochs
help-stepgrad-train--log_iterations = Also report every iteration's batch loss (in JSON, and in --plot)
help-stepgrad-train--plot = Draw the loss (and accuracy) per epoch and per iteration as an SVG file
help-stepgrad-train--save = Write the trained parameters as JSON (W[layer][out][in], b[layer][…])
help-stepgrad-train--init_from = Start from parameters written by --save
help-stepgrad-train--compare_batch = Train from the same start with each batch size and compare, e.g. --compare-batch 1,16,N
help-stepgrad-train--compare = Train from the same start with the same batches with each optimizer and compare, e.g. --compare sgd,momentum,adam
help-stepgrad-epochs = The arithmetic of epochs, batches and iterations, explained
help-stepgrad-epochs--samples = Samples in the training set
help-stepgrad-epochs--batch_size = Samples per iteration (update)
help-stepgrad-epochs--epochs = Passes over the whole training set
help-stepgrad-epochs--drop_last = Drop the last, smaller batch of each epoch
help-stepgrad-lesson = Guided lessons: the course, step by step, with exercises (start here)
help-stepgrad-lesson--which = list (the default), a lesson number from 1 to 9, or a lesson file (docs/lessons.md)
help-stepgrad-lesson--all = Print the whole lesson at once, exercises with their solutions, even in a terminal
help-stepgrad-completions = Print a shell completion script
help-stepgrad-completions--shell = The shell to complete for
