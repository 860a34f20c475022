# `stepgrad practice`: practice sheets with an answer key.

practice-heading = Practice sheet
practice-intro = Level { $level }, seed { $seed }: { $count ->
    [one] one exercise
   *[other] { $count } exercises
}. Give numbers to four significant digits; the answers follow the last exercise.
practice-exercise = Exercise { $number } ({ $topic })
practice-answers = Answers
practice-given = Given: { $values }.
practice-find = Find { $names }.
practice-topic-derivative = derivative by rule
practice-topic-gradient = partial derivatives
practice-topic-descent = gradient descent
practice-topic-epochs = epochs and iterations
practice-topic-backprop = backpropagation
practice-topic-optimizer = optimizer step
practice-q-derivative = Differentiate { $f } with respect to x.
practice-q-gradient = Take the partial derivatives of { $f }.
practice-q-descent-one = Take one step of gradient descent, x ← x − η·∇f(x), on { $f } from the start below.
practice-q-descent-two = Take two steps of gradient descent, x ← x − η·∇f(x), on { $f } from the start below.
practice-q-epochs = A training set of { $samples } samples is trained for { $epochs } epochs in mini-batches of { $batch }; the last batch of each epoch is smaller.
practice-q-epochs-drop = A training set of { $samples } samples is trained for { $epochs } epochs in mini-batches of { $batch }; the last, smaller batch of each epoch is dropped (drop_last).
practice-q-backprop = A 2-2-1 network of sigmoid units: { $hidden }, { $output }, with the error { $error } and { $delta } of each neuron. Work out the backward pass for the values below.
practice-q-momentum = SGD with momentum, as PyTorch defines it (the velocity starts as the first gradient, then b ← μ·b + g; θ ← θ − η·b), updates one parameter with the gradients below.
practice-q-rmsprop = RMSprop, as PyTorch defines it (v ← ρ·v + (1 − ρ)·g², starting from 0, where ρ is PyTorch's alpha; θ ← θ − η·g/(√v + ε)), updates one parameter with the gradients below.
practice-q-adam = Adam, as PyTorch defines it (m and v start at 0, with bias correction at step t: θ ← θ − η·m̂/(√v̂ + ε)), updates one parameter with the gradients below.
practice-unknown-topic = there is no practice topic '{ $topic }'; did you mean '{ $closest }'?
practice-topics = the topics are { $topics }
practice-count = --count { $count }: a practice sheet has between 1 and { $limit } exercises (docs/limits.md)
practice-count-hint = give --count { $limit } or fewer, and several --seed values for more sheets
practice-level = --level { $level }: the levels are 1, 2 and 3
practice-level-hint = write --level 1 for single rules and one weight, --level 3 for nested chains, several variables and a hidden layer
practice-score = { $right } of { $asked ->
    [one] one answer
   *[other] { $asked } answers
} right.
practice-interactive-needs-terminal = practice --interactive asks its questions in a terminal, and stdin or stdout is not one
practice-interactive-needs-terminal-hint = run it in a terminal, or leave out --interactive for a worksheet with its answer key
practice-interactive-format = practice --interactive writes to the terminal as text, not --format { $format }
practice-interactive-format-hint = leave out --format, or leave out --interactive for a worksheet in { $format }
practice-hint-derivative-1 = Name the outermost operation first — a product, a quotient, a power or a function of an inner expression — and apply its rule.
practice-hint-derivative-2 = For a function of an inner expression u, the chain rule gives f′(u)·u′: differentiate the inside too.
practice-hint-gradient-1 = For ∂f/∂x, treat every other variable as a constant number.
practice-hint-gradient-2 = A term without x has ∂/∂x equal to 0; in a product, only the factors with x change.
practice-hint-descent-1 = First compute the gradient at the current point, then move against it: new = old − η·gradient.
practice-hint-descent-2 = For a second step, compute the gradient again at the point the first step reached.
practice-hint-epochs-1 = One epoch is one pass over all the samples; one iteration is one batch.
practice-hint-epochs-2 = Full batches per epoch are ⌊N/B⌋; the samples left over make one more, smaller batch unless it is dropped.
practice-hint-backprop-1 = Run the forward pass first: h₁, h₂ and o from the given values, each σ of its net input.
practice-hint-backprop-2 = δₒ = (o − t)·o·(1 − o); a weight's gradient is the δ of the neuron it feeds times the value it multiplies; δₕ₁ = δₒ·w₅·h₁·(1 − h₁).
practice-hint-optimizer-1 = Update the optimizer's state (the velocity, or the averages m and v) with the gradient of this step before the parameter.
practice-hint-optimizer-2 = Round only at the end: carry the state of each step at full precision into the next.
