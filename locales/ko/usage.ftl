# 명령줄의 실수를 clap이 찾았을 때의 메시지.

error-prefix = 오류: {""}
usage-unknown-argument = 알 수 없는 인자 '{ $arg }'{ PARTICLE($arg, "이/가") } 있습니다
usage-unknown-command = '{ $value }'{ PARTICLE($value, "은/는") } stepgrad의 명령이 아닙니다
usage-missing-value = '{ $arg }'에 값이 필요한데 주어지지 않았습니다
usage-invalid-value = '{ $arg }'의 값 '{ $value }'{ PARTICLE($value, "은/는") } 쓸 수 없습니다
usage-missing-required = 꼭 필요한 인자가 빠졌습니다: { $arg }
usage-conflict = '{ $arg }'{ PARTICLE($arg, "은/는") } '{ $other }'{ PARTICLE($other, "와/과") } 함께 쓸 수 없습니다
usage-repeated = '{ $arg }'{ PARTICLE($arg, "은/는") } 한 번만 쓸 수 있습니다
usage-number-of-values = '{ $arg }'에 준 값의 개수가 맞지 않습니다
usage-missing-command = 명령을 하나 주세요
usage-no-equals = '{ $arg }'{ PARTICLE($arg, "은/는") } '=' 뒤에 값을 써야 합니다
usage-not-utf8 = UTF-8 텍스트가 아닌 인자가 있습니다
usage-general = 명령줄을 읽을 수 없습니다 ({ $arg } { $value })
usage-did-you-mean = 힌트: '{ $suggestion }'{ PARTICLE($suggestion, "을/를") } 쓰려던 것인가요?
usage-more = 자세한 내용은 '--help'로 확인하세요.
usage-reason-not-a-number = 수가 아닙니다
usage-reason-out-of-range = 너무 크거나 너무 작습니다
usage-reason-not-in-range = { $range } 범위 안에 있어야 합니다
