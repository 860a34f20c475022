# The report of `stepgrad minimize`: the run's settings and rule, why it
# stopped, what it reached, a race of optimizers, and the advice after a
# divergence. Numbers come as printed; $count is the same number, for the
# plural form.

min-heading = Minimizing
min-settings = { $optimizer } with { $settings }, from { $start }; at most { $max } steps, stopping when ‖∇f‖∞ < { $tol }.
min-each-step = Each step:
min-with-g = , with g = ∇f.
min-stop-tolerance = Stopped after { $steps } { $count ->
        [one] step
       *[other] steps
    }: ‖∇f‖∞ = { $norm } is below the tolerance { $tol }.
min-stop-max = Stopped after the maximum of { $max } steps, with ‖∇f‖∞ = { $norm } (tolerance { $tol }).
min-unsettled-grew = f grew from { $from } to { $to }: the steps overshoot the minimum, and a smaller learning rate (--lr) would settle.
min-unsettled-rising = f still goes up on some steps: the steps overshoot, and a smaller learning rate (--lr) would settle.
min-unsettled-far-plain = The gradient is still far from 0: more steps (--steps) or a larger learning rate (--lr) would go further.
min-unsettled-far = The gradient is still far from 0: more steps (--steps) would go further.
min-diverged-at = Diverged at step { $step }: { $reason }.
min-interrupted = Interrupted (Ctrl-C) after { $step } { $count ->
        [one] step
       *[other] steps
    }; the steps so far are shown.
min-picture = The picture is in { $path }{ $thinned }.
min-thinned = (it draws every { $ordinal } point and the last)
min-reached = Reached { $point } with f = { $f }. Evaluations: f { $f_count }, ∇f { $gradient_count }, Hessian { $hessian_count }.
min-left-out-here = Steps { $from } to { $to } are left out here; --format csv or json lists { $listed }.
min-every-step = every step
min-kept = steps { $first } to { $last_head } and { $first_tail } to { $last } ({ $kept } of { $total } points; docs/limits.md)
min-left-out-everywhere = Steps { $from } to { $to } are left out, here and in --format csv or json: each point of this run holds many numbers, and a run keeps at most { $limit } of them (docs/limits.md).
min-matrix-at = { $symbol } at step { $step }:
min-note-at = step { $step }: { $note }
min-notes-not-kept = { $count } { $count ->
        [one] note
       *[other] notes
    } in the steps not kept
min-notes = Notes — { $notes }.
min-notes-and-more = Notes — { $notes }; and { $more }.
min-notes-only-more = Notes — { $more }.
min-terminal-plot = f and the iterates (vertical marks):

# A race (--compare).
min-race = A race from { $start }: at most { $max } steps each, stopping when ‖∇f‖∞ < { $tol }. Settings — { $settings }.
min-stopped-tolerance = tolerance
min-stopped-max-steps = max steps
min-stopped-diverged = diverged
min-stopped-interrupted = interrupted

# After a divergence: the error and what to change.
min-diverged-error = { $optimizer } diverged at step { $step }: { $reason }
min-hint-curvature = the learning rate { $lr } is too large for this function: each step multiplied the gradient by { $ratio }, so the curvature is about { $curvature } and gradient descent converges only for rates below 2/{ $curvature } = { $bound }; try { $try_lr }
min-hint-smaller-rate = the learning rate { $lr } is too large for this function: try { $try_lr }
min-hint-newton-line-search = a full Newton step overshot here: add --line-search, or start closer to the minimum
min-hint-start-closer = start closer to the minimum, or choose a first-order optimizer with a small learning rate

# What minimize refuses before it runs.
min-no-variables = the function has no variables to move
min-no-variables-hint = minimize a function of variables, e.g. "x^2 + 1"
min-plot-variables = --plot draws functions of one or two variables; this one has { $count }
min-plot-hint = drop --plot, or minimise a function of one or two variables
min-start-extra = --start gives { $extra }, which the function does not contain
min-start-extra-hint = its variables are { $names }
min-start-missing = --start gives no value for { $name }
min-start-missing-hint = start every variable: --start { $all }
min-steps-range = --steps { $steps }: the number of steps must be between 1 and { $max }
min-steps-hint = --steps counts the updates to make, e.g. --steps 100
min-tol = --tol { $tol }: the tolerance must be 0 or a positive number
min-tol-hint = for example --tol 1e-8
min-compare-empty = --compare is given an empty name
min-compare-empty-hint = separate the optimizers with single commas, e.g. --compare sgd,momentum,adam

# On stderr with --format csv, when a long run left steps out.
min-csv-note = note: the CSV lists only the kept steps — { $runs }

# A start where f, ∇f or the Hessian has no value ($who: minimize, or the
# optimizer that needs the Hessian; $start: x = 0, y = 1).
min-cannot-start = { $who } cannot start at { $start }: { $reason }
min-start-finite-hint = start where f and its gradient have finite values: choose another --start
min-start-finite-hessian-hint = start where f, its gradient and its Hessian have finite values: choose another --start

# Newton's method on a function whose Hessian is beyond the size limit.
min-newton-hessian-refused = Newton's method: { $detail }
min-newton-hessian-refused-hint = choose bfgs, which needs no symbolic Hessian, or a first-order optimizer such as adam (docs/limits.md states the limit)

# --picture: the level sets and the paths in characters, and its legend.
min-picture-variables = --picture draws functions of two variables; this one has { $count }
min-picture-variables-hint = drop --picture, or use --plot FILE.svg for a function of one variable
min-picture-start = S the start ({ $point })
min-picture-steps = 1–9 the first nine steps, o the later ones
min-picture-end = E where the run ended, after { $count ->
        [one] { $steps } step
       *[other] { $steps } steps
    } ({ $point })
min-picture-run = { $mark } { $optimizer }, ending at { $end } ({ $point })
min-picture-outside = { $count ->
        [one] 1 point lies outside the picture
       *[other] { $count } points lie outside the picture
    }
min-picture-dots = dots: contour lines of f (each a level set, f constant along it), closer together where f is steeper
