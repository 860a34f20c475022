# The starting values: a value with no finite value before the first
# update, named as the report names it (src/network/start.rs,
# src/training/start.rs).

start-fault = { $value } { $fails ->
        [overflows] overflows
       *[undefined] is undefined
    } with the starting parameters: { $cause }
start-fault-on-sample = { $value } { $fails ->
        [overflows] overflows
       *[undefined] is undefined
    } with the starting parameters, on { $sample }: { $cause }
start-fault-hint = every value must stay finite (within ±1.8e308) before the first update: start from smaller weights (a narrower init range) or give smaller inputs (e.g. train --standardize)
start-sample = sample { $number }
start-validation-sample = validation sample { $number }
start-some-value = a value of the network
start-hessian = the Hessian of E
start-too-large = { $operation } is too large for a 64-bit float{ $operands }
start-no-value-as = { $operation } has no value, as { $reason }{ $operands }
start-unbound = { $name } has no value
start-sum-overflows = each sample's value is finite, but over the samples they add up to { $total }
start-total-is = over the samples it comes to { $total }
start-not-finite-on-sample = its value or gradient on this sample is not a finite number
