# The optimizers' names, the words inside their update rules, and the notes
# a step of Newton's method or BFGS leaves ($value, $alpha, $tau: numbers as
# printed).

optim-sgd-nesterov = SGD with Nesterov momentum
optim-sgd-momentum = SGD with momentum
optim-sgd = Gradient descent (SGD)
optim-adagrad = Adagrad
optim-rmsprop-centered = RMSprop (centered)
optim-rmsprop = RMSprop
optim-adamw = AdamW
optim-adam = Adam
optim-newton = Newton's method
optim-bfgs = BFGS

# Inside an update rule, after a formula.
optim-rule-first-step = (b = g at step 1)
optim-rule-adagrad-lr = with lrₜ = lr/(1 + (t − 1)·η)
optim-rule-newton-unless = (τ = 0 and α = 1 unless needed)
optim-rule-bfgs-alpha = with α from a strong-Wolfe line search

optim-note-not-positive-definite = the Hessian is not positive definite (its Cholesky factorisation fails), so the plain Newton step might not descend; added τ = { $tau }·I
optim-note-shortened = the line search shortened the step to α = { $alpha }
optim-note-reset = H⁻¹ stopped giving a descent direction; it was reset to I
optim-note-scaled = H₀ scaled by yᵀs/yᵀy = { $value }
optim-note-kept = yᵀs = { $value } ≤ 0, so the update would lose positive definiteness: H⁻¹ is kept
optim-note-not-wolfe = the line search ended without meeting the strong Wolfe conditions; the best point found was taken

# An optimizer or a hyperparameter refused. $setting: the setting as written
# (`--beta1 2`, `beta1 = 2`); $name: an option or a spec key.
optim-unknown = unknown optimizer '{ $name }'
optim-did-you-mean = did you mean { $meant }? The optimizers are { $names }
optim-the-optimizers-are = the optimizers are { $names }
optim-the-learning-rate = the learning rate
optim-must-be-positive = { $setting }: { $what } must be a positive number
optim-for-example = for example { $setting }
optim-must-lie-below-one = { $setting }: it must lie in [0, 1)
optim-typical-decays = typical values are 0.9 and 0.999
optim-must-lie-in-unit = { $setting }: it must lie in [0, 1]
optim-typical-momentum = a typical momentum is 0.9
optim-not-negative = { $name } must not be negative
optim-does-not-apply = { $name } does not apply to { $optimizer }
optim-see-docs = see docs/optimizers.md for each optimizer's hyperparameters
optim-remove-or-choose = { $remove }, or choose an optimizer that takes it (docs/optimizers.md lists each one's hyperparameters)
optim-remove-option = remove { $name }
optim-remove-key = remove { $name } from [train]
optim-nesterov-needs = Nesterov momentum needs a momentum above 0 and no dampening
optim-nesterov-hint = use { $setting } without { $name }, as PyTorch requires
optim-no-lr = { $optimizer } takes no learning rate: it chooses its own step

# Why a step could not be taken, or a value has none ($label: f, ∂f/∂x, …;
# $error: why, from the evaluator).
optim-no-lower-step = the line search found no step that lowers f
optim-not-made-definite = the Hessian could not be made positive definite
optim-overflows = { $label } overflows: { $error }
optim-undefined = { $label } is undefined: { $error }
optim-hessian-entry = entry ({ $row }, { $column }) of the Hessian is { $value }, not a finite number

# Newton's method or BFGS on more variables than it takes ($needs:
# optim-newton-needs or optim-bfgs-needs; $what: optim-what-…).
optim-beyond-variables = { $needs }; stepgrad runs it on at most { $limit }
optim-beyond-variables-hint = { $instead } (docs/limits.md states the limit)
optim-newton-needs = Newton's method forms and factors the { $count }×{ $count } Hessian of { $what }
optim-newton-instead = choose bfgs, which learns the curvature from gradients, or a first-order optimizer such as adam
optim-bfgs-needs = BFGS keeps a { $count }×{ $count } matrix for { $what }
optim-bfgs-instead = choose a first-order optimizer such as adam
optim-what-variables = the function's { $count } variables
optim-what-parameters = this network's { $count } trainable parameters
