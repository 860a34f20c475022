# How well predictions match the targets, as `predict` and the end of
# `train` show it (src/report/metrics.rs).

metrics-heading = Metrics
metrics-accuracy = Accuracy { $accuracy } ({ $right } of { $total } samples right).
metrics-explained = The confusion matrix counts each sample in the row of its true class and the column of the predicted one; precision = TP/(TP + FP), recall = TP/(TP + FN), F1 = 2·P·R/(P + R).
metrics-undefined = — : undefined, the class was never predicted (precision) or is not in the data (recall).
metrics-col-confusion = true / predicted
metrics-col-class = class
metrics-col-precision = precision
metrics-col-recall = recall
metrics-col-f1 = F1
metrics-col-support = samples
metrics-col-target = target
metrics-col-rmse = RMSE
metrics-col-mae = MAE
metrics-col-r2 = R²
metrics-col-sample = sample
metrics-col-true = true class
metrics-col-predicted = predicted
metrics-col-true-of = { $target } (true)
metrics-col-predicted-of = { $target } (predicted)
metrics-best-validation = The best epoch was { $epoch }, with the smallest validation loss, { $loss }.
metrics-best-training = The best epoch was { $epoch }, with the smallest training loss, { $loss }.
metrics-restored = --restore-best: the parameters reported and saved are those of epoch { $epoch }.
metrics-training-part = Metrics on the training part
metrics-validation-part = Metrics on the validation part
