# `stepgrad predict`: a saved model applied to data (src/data/by_name.rs,
# src/report/predict.rs, src/cli/predict.rs).

predict-missing-feature = there is no column '{ $name }', which the model reads (its features are { $features })
predict-some-targets = the column '{ $missing }' is missing: the model's targets are { $targets }, and the file has some of them but not all
predict-some-targets-hint = give every target column to get the metrics, or none to get only the predictions
predict-unknown-class = '{ $class }' is not one of the model's classes
predict-known-classes = the model knows the classes { $classes }
predict-builtin-missing-feature = { $source } has no feature '{ $name }', which the model reads (its features are { $features })
predict-builtin-columns = the data set has the features { $columns }
predict-builtin-unknown-class = { $source } has the class '{ $class }', which is not one of the model's classes

predict-title = Predictions of { $model } on { $source }
predict-summary-classes = { $count } { $count ->
        [one] sample
       *[other] samples
    } through the network { $network }, each put in one of the classes { $classes }: the class of the largest probability.
predict-summary-values = { $count } { $count ->
        [one] sample
       *[other] samples
    } through the network { $network }, predicting { $targets } in the targets' own units.
predict-standardized = The features are standardised with the training part's mean and standard deviation, as the model file records them.
predict-rows-left-out = The table shows the first and last rows; { $count } between them are left out (--format csv lists every sample).
predict-no-targets = The data has no targets, so there are no metrics.

help-stepgrad-predict = Apply a model saved by train --save to data: outputs per sample, and metrics when the data has targets
help-stepgrad-predict--model = The model file written by train --save
help-stepgrad-predict--data = The data: a CSV file with the model's feature columns (and its targets, for the metrics), or builtin:NAME
help-stepgrad-predict--samples = Samples of a generated built-in set (default 200; 1,000 for digits)
help-stepgrad-predict--noise = Noise of a generated built-in set, from 0 to 1
help-stepgrad-predict--seed = Seed of a generated built-in set
help-stepgrad-predict--show = Draw the first N samples of 8×8 images (builtin:digits) with block characters, with the predicted / true class
