# 식 읽기: 무엇으로 읽었는지, 그리고 식의 어디가 잘못되었는지.

parse-read-as = { $expression }{ PARTICLE($expression, "으로/로") } 읽었습니다
parse-ln-or-log = ln(또는 log)

parse-empty = 식이 비어 있습니다
parse-empty-hint = x^2*sin(x)처럼 식을 입력하세요
parse-too-long = 식의 길이가 { $len }자입니다. 식은 { $limit }자까지 쓸 수 있습니다
parse-too-long-hint = 문제를 더 작은 식 여러 개로 나누세요(--file에서는 한 줄에 식 하나). 식 하나는 { $limit }자보다 짧아야 합니다
parse-too-deep = 괄호가 { $limit }겹보다 깊이 겹쳐 있습니다
parse-too-deep-hint = 필요 없는 괄호를 지우세요. 괄호는 { $limit }겹까지 겹칠 수 있습니다
parse-too-tall = 식 안에서 연산이 { $height }단계로 겹쳐 있습니다. 연산은 { $limit }단계까지 겹칠 수 있습니다
parse-too-tall-hint = 식을 더 작은 부분으로 나누어 쓰세요. 연산은 { $limit }단계까지만 겹칠 수 있습니다

parse-not-syntax = '{ $char }'{ PARTICLE($char, "은/는") } 식에 쓸 수 있는 기호가 아닙니다
parse-not-syntax-hint-instead = 대신 { $instead }{ PARTICLE($instead, "을/를") } 쓰세요
parse-not-syntax-hint-derivative = 도함수는 stepgrad diff로 구하세요
parse-not-syntax-hint = 식에는 문자, 숫자, + - * / ^ ( ) |, 함수 이름과 기호 · × ÷ − √ π σ, ² 같은 위 첨자를 씁니다
parse-unexpected-char = 예상하지 못한 문자 '{ $char }'{ PARTICLE($char, "이/가") } 있습니다
parse-unexpected-char-hint-brackets = 묶을 때는 둥근 괄호 ( )를 쓰세요
parse-unexpected-char-hint-equals = 식에는 '='가 들어가지 않습니다. 변수에 값을 주려면 --at x=1.5처럼 쓰세요
parse-unexpected-char-hint = 식에는 문자, 숫자, + - * / ^ ( )와 함수 이름을 씁니다
parse-bad-superscript = '{ $text }' 꼴의 위 첨자는 stepgrad가 거듭제곱으로 읽을 수 없습니다
parse-bad-superscript-hint = 위 첨자로는 x²이나 x⁻¹처럼 정수나 ⁿ만 쓸 수 있습니다. 다른 거듭제곱은 x^(1/2)처럼 ^로 쓰세요
parse-unsupported-operator = 연산자 '{ $op }'{ PARTICLE($op, "은/는") } 쓸 수 없습니다
parse-unsupported-operator-hint = 쓸 수 있는 연산자는 + - * / ^입니다

parse-unclosed-paren = 괄호 '('가 닫히지 않았습니다
parse-unclosed-paren-hint = ')'를 더해 괄호를 닫거나, 이 괄호를 지우세요
parse-unopened-paren = 닫는 괄호 ')'와 짝이 되는 '('가 없습니다
parse-unopened-paren-hint = 이 괄호를 지우거나, 짝이 되는 '('를 더하세요
parse-unclosed-bar = 절댓값 기호 '|'가 닫히지 않았습니다
parse-unclosed-bar-hint = 절댓값은 |x - 1|처럼 막대 두 개 사이에 쓰거나 abs(x - 1)로 씁니다
parse-empty-parens = 괄호 안이 비어 있습니다
parse-empty-parens-hint = 괄호 안에 식을 쓰거나 괄호를 지우세요
parse-misplaced-comma = 함수의 인자 목록 밖에 쉼표가 있습니다
parse-misplaced-comma-hint = 쉼표는 함수의 인자를 나눌 때만 씁니다. 소수점은 .으로 쓰세요

parse-unknown-function = 알 수 없는 함수 이름 '{ $name }'입니다
parse-unknown-function-hint-suggestion = { $suggestion }{ PARTICLE($suggestion, "을/를") } 쓰려던 것인가요? 쓸 수 있는 함수는 { $functions }입니다
parse-unknown-function-hint = 곱하려면 { $name }*(…)처럼 쓰세요. 쓸 수 있는 함수는 { $functions }입니다
parse-wrong-arity = { $name }{ PARTICLE($name, "은/는") } 인자를 1개 받는데 { $found }개가 주어졌습니다
parse-wrong-arity-hint = { $name }(x)처럼 인자를 하나만 쓰세요
parse-wrong-arity-many = { $name }{ PARTICLE($name, "은/는") } 인자를 1개 이상 받는데 { $found }개가 주어졌습니다
parse-wrong-arity-many-hint = logsumexp(a, b, …)처럼 인자를 하나 이상 쓰세요
parse-missing-argument = { $name } 함수의 인자는 괄호 안에 써야 합니다
parse-missing-argument-hint = { $name }(x)처럼 쓰세요
parse-function-glued = '{ $text }'{ PARTICLE($text, "은/는") } 이름 하나로 읽히는데, 함수 { $name } 뒤에 수가 붙어 있습니다
parse-function-glued-hint = 함수라면 { $name }({ $argument })처럼 인자를 괄호 안에 쓰고, 변수라면 { $name }{ PARTICLE($name, "으로/로") } 시작하지 않는 이름을 쓰세요
parse-inverse-function = 교과서에서 { $name }⁻¹ 기호는 { $name }의 역함수를 뜻하는데, stepgrad에는 역함수가 없습니다
parse-inverse-function-hint = 1/{ $name }(x)라면 { $name }(x)^-1로 쓰세요
parse-function-power = 함수 이름에 붙이는 거듭제곱은 sin²(x)처럼 1 이상의 정수여야 합니다. { $name }{ $exponent }{ PARTICLE($exponent, "은/는") } 쓸 수 없습니다
parse-function-power-hint = { $name }(x)^{ $exponent }처럼 거듭제곱을 인자 뒤에 쓰세요

parse-dangling-right = 연산자 '{ $op }'의 오른쪽에 아무것도 없습니다
parse-dangling-left = 연산자 '{ $op }'의 왼쪽에 아무것도 없습니다
parse-dangling-hint = 연산자의 양쪽에 피연산자를 쓰세요
parse-side-by-side = '{ $left }'{ PARTICLE($left, "와/과") } '{ $right }' 사이에 연산자가 없습니다
parse-side-by-side-hint = 곱셈에는 '*'가 필요합니다. { $left }*{ $right }처럼 쓰세요

parse-ambiguous = '{ $text }'{ PARTICLE($text, "은/는") } 두 가지로 읽을 수 있습니다: { $first } 또는 { $second }
parse-ambiguous-division-hint = '/' 뒤에 '*' 없이 쓴 곱은 분모에 들어갈 수도, 들어가지 않을 수도 있습니다. 뜻하는 대로 { $first } 또는 { $second }{ PARTICLE($second, "으로/로") } 쓰세요
parse-ambiguous-power-hint = 지수 뒤에 '*' 없이 쓴 곱은 지수에 들어갈 수도, 들어가지 않을 수도 있습니다. 뜻하는 대로 { $first } 또는 { $second }{ PARTICLE($second, "으로/로") } 쓰세요
parse-ambiguous-argument-hint = 괄호 없이 쓴 함수의 인자는 뒤에 오는 부분을 포함할 수도, 포함하지 않을 수도 있습니다. 뜻하는 대로 { $first } 또는 { $second }{ PARTICLE($second, "으로/로") } 쓰세요
parse-ambiguous-root-hint = 괄호 없이 쓴 √는 첫 항 뒤에 오는 부분을 포함할 수도, 포함하지 않을 수도 있습니다. 뜻하는 대로 { $first } 또는 { $second }{ PARTICLE($second, "으로/로") } 쓰세요
parse-ambiguous-power-of-power-hint = 위 첨자의 거듭제곱은 두 가지로 읽을 수 있습니다. 뜻하는 대로 { $first } 또는 { $second }{ PARTICLE($second, "으로/로") } 쓰세요
parse-ambiguous-bars-hint = 이 막대들은 절댓값을 닫을 수도, 열 수도 있습니다. 뜻하는 대로 { $first } 또는 { $second }{ PARTICLE($second, "으로/로") } 쓰세요

parse-leading-dot = 수는 '.'으로 시작할 수 없습니다
parse-leading-dot-hint = 0.5처럼 소수점 앞에 0을 쓰세요
parse-number-out-of-range = 이 수는 너무 커서 나타낼 수 없습니다
parse-number-out-of-range-hint = 수는 약 1.8e308보다 작아야 합니다

parse-undefined-divides-by = 식이 어디에서도 정의되지 않습니다: { $part }{ PARTICLE($part, "으로/로") } 나눕니다
parse-undefined-negative-power-of = 식이 어디에서도 정의되지 않습니다: { $part }의 음수 거듭제곱을 구합니다
parse-undefined-ln-of = 식이 어디에서도 정의되지 않습니다: 양수가 아닌 { $part }의 ln을 구합니다
parse-undefined-sqrt-of = 식이 어디에서도 정의되지 않습니다: 음수인 { $part }의 sqrt를 구합니다
parse-undefined-fractional-power-of = 식이 어디에서도 정의되지 않습니다: 음수 { $part }의 분수 거듭제곱을 구합니다
parse-undefined-denominator = 식이 어디에서도 정의되지 않습니다: 분모 { $part }{ PARTICLE($part, "이/가") } 변수가 어떤 값이든 0입니다
parse-undefined-zero-base = 식이 어디에서도 정의되지 않습니다: 밑 { $part }{ PARTICLE($part, "이/가") } 변수가 어떤 값이든 0인데, 0의 음수 거듭제곱은 없습니다
parse-undefined-ln = 식이 어디에서도 정의되지 않습니다: ln의 인자는 양수여야 하는데 { $part }{ PARTICLE($part, "은/는") } 한 번도 양수가 되지 않습니다
parse-undefined-sqrt = 식이 어디에서도 정의되지 않습니다: sqrt의 인자는 0 이상이어야 하는데 { $part }{ PARTICLE($part, "은/는") } 언제나 음수입니다
parse-undefined-negative-base = 식이 어디에서도 정의되지 않습니다: 밑 { $part }{ PARTICLE($part, "은/는") } 언제나 음수인데, 음수의 분수 거듭제곱은 없습니다
parse-undefined-tan = 식이 어디에서도 정의되지 않습니다: tan은 코사인이 0인 곳에서 정의되지 않는데, { $part }{ PARTICLE($part, "은/는") } 어떤 값에서든 0입니다
parse-undefined-number-hint = 이 연산은 어떤 입력에서도 값이 없습니다. 이 부분을 지우거나 수를 고치세요
parse-undefined-hint = 이 부분은 정리하면 상수가 됩니다. 부호만 다른 같은 항을 두 번 썼거나 변수를 빠뜨리지 않았는지 확인하세요

parse-unreadable = stepgrad가 이 식을 읽지 못했습니다
parse-unreadable-hint = stepgrad의 결함입니다. 이 식을 알려 주세요(SECURITY.md 참고)
