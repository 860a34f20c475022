# The model file: what `train --save` writes, `--init-from` reads back and
# `predict` applies (src/training/model_file.rs).

model-file-hint = the file should be a model written by train --save (docs/json.md describes it)
model-not-a-model = this is not a stepgrad model file: it has no field "stepgrad": "model"
model-parameters-only = this file holds only parameters, as stepgrad wrote them before the model file: it does not say which columns the network reads or how they were scaled
model-parameters-only-hint = train again with --save to write a model file
model-field-malformed = the field "{ $field }" is missing or not of the form { $form }
model-unknown-name = "{ $value }" in "{ $field }" is not one of { $names }
model-version = version { $version } of the model file is not one this stepgrad reads (it reads version { $supported })
model-bad-network = the network's layers { $layers } do not go with its { $activations } activations (one per layer after the input)
model-bad-shapes = W and b do not have the shapes of the layers { $layers } with bias { $bias }
model-bad-count = the field "{ $field }" holds { $found } entries, but the network needs { $expected }
model-not-finite = the parameters and the standardisation must be finite numbers (each standard deviation ≥ 0)
model-other-network = { $path } holds a model of the network { $found }, but the network trained here is { $expected }
model-other-network-hint = give --init-from a model saved from the same network (the same spec, --hidden and bias), or leave --init-from out
model-other-features = the model in { $path } reads the columns { $found }, but the data has { $expected }
model-other-features-hint = train on data with the model's columns, or leave --init-from out

# A file of parameters only (W and b), as --init-from reads it.
model-init-from-bad = --init-from { $path }: { $problem }
model-init-from-bad-hint = the file should be one written by train --save: {"{"}"W": W[layer][out][in], "b": b[layer][…]{"}"}
model-init-from-bad-w = W must be W[layer][out][in] numbers: { $detail }
model-init-from-bad-b = b must be b[layer][…] numbers: { $detail }
model-init-from-not-finite = the parameters must be finite numbers
model-init-from-misfit = --init-from { $path }: these parameters do not fit the network { $shape } ({ $held }, with { $biases } bias values)
model-init-from-misfit-hint = give --init-from a file saved from the same network (the same spec, --hidden and bias)
model-init-from-holds = the file holds parameters for a { $shape } network
model-init-from-holds-nothing = the file holds no weights
model-not-json = not valid JSON: { $detail }
model-not-json-hint = the file should be one written by train --save
