# The pictures' own words: axes, legends and notes under a network's
# picture, and why a picture could not be drawn.

plot-epoch = epoch
plot-loss = loss
plot-accuracy = accuracy
plot-learning-rate = learning rate
plot-positive-weight = positive weight
plot-negative-weight = negative weight
plot-thickness = thickness ∝ |w| (thickest: |w| = { $max })
plot-bias = bias
plot-backward = purple: backward pass (δ = ∂E/∂net, ∂E/∂w)
# $layers: the layers whose weights go unlabelled, joined one by one.
plot-unlabelled = The weights into { $layers } are not labelled: they are too many to label legibly (stepgrad net lists every one).
plot-unlabelled-layers = { $first } and into { $next }
plot-no-neurons = the network has no neurons to draw
plot-not-arranged = the network could not be arranged
plot-error = the plot could not be drawn: { $error }
# The race's picture: its two markers, and the points its view leaves out.
plot-start = start ({ $point })
plot-lowest = lowest f found ({ $point })
plot-view-left-out = { $count ->
    [one] The view is chosen around the paths: one point lies outside it, where its path runs off the edge.
   *[other] The view is chosen around the paths: { $count } points lie outside it, where their paths run off the edge.
}
