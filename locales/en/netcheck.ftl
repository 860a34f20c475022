# `stepgrad net SPEC --check ANSWERS.toml`: a student's hand-worked values
# for one step, judged entry by entry (docs/net-check.md). $name, $from and
# $path are quantity names as stepgrad prints them (out_o1, dE_total/dw5,
# delta_o2·w7).

net-check-heading = Checking { $sheet } against { $network }, sample { $sample }
net-check-intro = An entry is right when it agrees with stepgrad's value to the digits written (within half a unit of its last digit), or follows from your own earlier right values as you rounded them.
net-check-name = name
net-check-given = yours
net-check-expected = stepgrad
net-check-verdict = verdict
net-check-mistake = likely mistake
net-check-right = right
net-check-right-own = right
net-check-wrong = wrong
net-check-carried = carried
net-check-several = several fit
net-check-unknown = no diagnosis
net-check-explained = { $name }: { $why }
net-check-summary = { $right } of { $total } { $total ->
        [one] entry
       *[other] entries
    } right.

net-check-label-sign_target_minus_out = sign of (t − o)
net-check-label-sigma_prime_forgotten = σ′ forgotten
net-check-label-sigma_prime_of_net = σ′ of net
net-check-label-net_for_out = net for out
net-check-label-half_forgotten = ½ forgotten
net-check-label-half_doubled = ½ doubled
net-check-label-missing_path = no { $path }
net-check-label-updated_weight_in_backward = new weight used
net-check-label-lr_forgotten = η forgotten
net-check-label-lr_sign = sign of η
net-check-label-sum_for_mean = sum, not mean
net-check-label-mean_for_sum = mean, not sum
net-check-label-truncated = truncated

net-check-why-right = right at the digits written
net-check-why-right-own = right: it follows from your own earlier values as you rounded them
net-check-why-sign_target_minus_out = the sign of (target − out) is turned: the factor is −(target − out) = out − target
net-check-why-sigma_prime_forgotten = the factor ∂out/∂net (σ′) is left out of the chain rule
net-check-why-sigma_prime_of_net = σ′ is taken of net instead of out: for the sigmoid it is out·(1 − out), not net·(1 − net)
net-check-why-net_for_out = net is used where out belongs
net-check-why-half_forgotten = the ½ of E = ½·(target − out)² is left out, which doubles the value
net-check-why-half_doubled = the ½ is counted twice (or the 2 of the square not brought down), which halves the value
net-check-why-missing_path = the path { $path } is missing from the sum over the neurons this one feeds
net-check-why-updated_weight_in_backward = the backward pass uses the weights after the update; every gradient is computed first, with the weights before the update
net-check-why-lr_forgotten = the step leaves out the learning rate: new = old − η·∂E/∂param
net-check-why-lr_sign = the step goes the wrong way: new = old − η·∂E/∂param, not old + η·∂E/∂param
net-check-why-sum_for_mean = the samples are summed where this loss takes their mean
net-check-why-mean_for_sum = the samples are averaged where this loss takes their sum
net-check-why-truncated = the right value cut off, not rounded, at the last digit written
net-check-why-carried = it follows correctly from your wrong { $from }: not a new mistake
net-check-why-several = it fits more than one mistake ({ $mistakes }), so stepgrad does not say which
net-check-why-unknown = wrong, and none of the mistakes stepgrad knows gives this value

net-check-toml-hint = write one `name = number` a line, names as net prints them, quoted when they hold a slash: "dE_total/dw5" = 0.0822
net-check-unknown-name = { $name } is not a quantity of this network
net-check-did-you-mean = did you mean { $meant }? The names are listed in docs/net-check.md
net-check-names-hint = the names are those net prints: net_h1, out_o1, E_total, dE_total/dout_o1, delta_o1, dE_total/dw5, new_w5 (docs/net-check.md)
net-check-new-not-judged = the updated parameters are judged only for a plain gradient-descent step (sgd without momentum or weight decay)
net-check-not-a-number = { $name } = { $value } is not a number
net-check-number-hint = write the value as a decimal number: { $name } = 0.5933
net-check-empty = { $path } gives no values to check
net-check-softmax-chain = net --check judges softmax outputs only with the cross_entropy loss, not { $loss }
net-check-softmax-chain-hint = use loss = "cross_entropy" with softmax, or an element-wise output activation
net-check-format = net --check writes text, markdown, latex or json, not { $format }
net-check-format-hint = use --format json for a grader

help-stepgrad-net--check = Judge hand-worked values of the first step (name = number, names as net prints them; docs/net-check.md): right at the digits written, or wrong with the likely mistake; exit 1 when one is wrong
net-check-too-large = net --check judges hand-worked steps of networks of at most { $limit } weights and biases; { $shape } has { $count }
net-check-too-large-hint = check the step of a smaller network, as one works it by hand
net-check-new-frozen = { $name } is not changed by this step: its parameter is not updated (update_biases = false)
