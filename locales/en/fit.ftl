# The network train builds for data without a spec (training/fit.rs).
fit-unknown-activation = --activation { $name }: there is no activation named '{ $name }'
fit-softmax-hidden = --activation softmax: softmax turns the output layer into probabilities and is not a hidden layers' activation
fit-hidden-activations = the hidden layers' activations are { $choices }
fit-activation-with-spec = --activation { $name } with the spec { $spec }: the spec names its own activations ({ $activations })
fit-activation-with-spec-hint = change the activation in the spec, or leave the spec out to train a network built for the data
