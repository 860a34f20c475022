# Why a run diverged, in the words of its command: `minimize` speaks of f
# and its variables, `net` and `train` of the loss and the parameters.
# $value, $start: numbers as printed; $component: a position, from 1.

divergence-f-not-finite = f = { $value } is not a finite number
divergence-gradient-component = component { $component } of the gradient is { $value }, not a finite number
divergence-became = { $name } became { $value }
divergence-coordinate-became = coordinate { $component } of the point became { $value }
divergence-f-grown-from = f = { $value } has grown beyond 10¹² times its start ({ $start })
divergence-f-grown = |f| = { $value } has grown beyond 10¹²
divergence-loss-is = the loss is { $value }
divergence-batch-loss-is = the batch loss is { $value }
divergence-gradient-is = the gradient ∂E/∂{ $name } is { $value }
divergence-a-parameter = a parameter
divergence-loss-grown-from = the loss { $value } has grown beyond 10¹² times its start ({ $start })
divergence-loss-grown = the loss { $value } has grown beyond 10¹²
