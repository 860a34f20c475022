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
