# The report of `stepgrad graph`: the title, the operations that are words,
# and the note under the drawing. $function is math; $gradient is ∂f/∂node.

graph-of = Computation graph of { $function }
graph-of-network = Computation graph of network { $name } ({ $shape }), sample { $sample }, parameters as given
graph-see-above = see above
graph-number = number
graph-constant = constant
graph-input = input
graph-negate = negate
graph-power = power
graph-parameter = parameter
graph-target = target
graph-note = Forward: values flow up from the inputs to { $output }. Backward: { $gradient } flows down, each node multiplying what it receives by its local derivative and adding up what reaches it along several paths.
graph-note-repeats = A node used in several places is listed again, marked ({ $see_above }); its { $gradient } is the sum over all its uses.
