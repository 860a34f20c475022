# The network train builds for data without a spec (training/fit.rs).
fit-unknown-activation = --activation { $name }: there is no activation named '{ $name }'
fit-softmax-hidden = --activation softmax: softmax turns the output layer into probabilities and is not a hidden layers' activation
fit-hidden-activations = the hidden layers' activations are { $choices }
fit-activation-with-spec = --activation { $name } with the spec { $spec }: the spec names its own activations ({ $activations })
fit-activation-with-spec-hint = change the activation in the spec, or leave the spec out to train a network built for the data
fit-standardize-targets-classes = --standardize-targets: the targets are classes (0/1 or one-hot), which are not rescaled
fit-standardize-targets-classes-hint = --standardize-targets is for regression; drop it, or use --standardize for the features
fit-targets-standardized = Targets standardized with the training part's mean and standard deviation ({ $statistics }): the losses below are in those units, the metrics at the end and predict's values in the targets' own units.
fit-targets-far-from-unit = Warning: the target { $target } has mean { $mean } and standard deviation { $sd }, far from unit scale: the network's outputs start near 0 and the loss is in squared units of { $target }; --standardize-targets trains on (y − mean)/sd and reports the values in { $target }'s units.
