# toml 크레이트가 알려 주는 TOML 실수 (src/toml_text.rs).

toml-duplicate-key = 같은 키가 두 번 나옵니다
toml-extra-assignment = '=' 기호가 하나 더 있습니다
toml-extra-comma-array = 배열에 쉼표가 하나 더 있습니다
toml-extra-comma-table = 인라인 테이블에 쉼표가 하나 더 있습니다
toml-invalid-basic-string = 큰따옴표 문자열을 읽을 수 없습니다
toml-invalid-boolean = 불리언 값을 읽을 수 없습니다
toml-invalid-float = 실수를 읽을 수 없습니다
toml-invalid-integer = 정수를 읽을 수 없습니다
toml-invalid-key = 키를 읽을 수 없습니다
toml-invalid-unquoted-key = 따옴표 없는 키를 읽을 수 없습니다
toml-invalid-key-value = 키 = 값 쌍을 읽을 수 없습니다
toml-invalid-literal-string = 작은따옴표 문자열을 읽을 수 없습니다
toml-invalid-string = 문자열을 읽을 수 없습니다
toml-invalid-table = 테이블 이름을 읽을 수 없습니다
toml-key-without-value = 키에 값이 없습니다
toml-missing-assignment = 키와 값 사이에 '=' 기호가 없습니다
toml-missing-comma-array = 배열의 원소 사이에 쉼표가 없습니다
toml-missing-comma-table = 키 = 값 쌍 사이에 쉼표가 없습니다
toml-missing-value = 값이 없습니다
toml-unquoted-string = 문자열 값은 따옴표로 감싸야 합니다
toml-unclosed-array = 배열이 닫히지 않았습니다
toml-unclosed-array-table = 배열 테이블의 이름이 닫히지 않았습니다
toml-unclosed-inline-table = 인라인 테이블이 닫히지 않았습니다
toml-unclosed-table = 테이블 이름이 닫히지 않았습니다
toml-unexpected-content = 이 자리에 올 수 없는 내용이 있습니다

# 그 자리에 와야 하는 것.
toml-expected-one = { $problem }. 이 자리에는 { $expected }{ PARTICLE($expected, "이/가") } 와야 합니다
toml-expected-any = { $problem }. 이 자리에는 { $expected } 중 하나가 와야 합니다
toml-list = { $list }, { $item }
toml-expected-basic-string = 큰따옴표 문자열
toml-expected-characters = 문자
toml-expected-digits = 숫자
toml-expected-key = 키
toml-expected-letters = 글자
toml-expected-literal-string = 작은따옴표 문자열
toml-expected-newline = 줄바꿈
toml-expected-numbers = 숫자
toml-expected-value = 값

# 읽는 쪽에 맞지 않는 키나 값.
toml-unknown-field = 알 수 없는 키 `{ $field }`{ PARTICLE($field, "이/가") } 있습니다 (쓸 수 있는 키: { $expected })
toml-missing-field = `{ $field }` 키가 없습니다
toml-invalid-type = 값의 종류가 맞지 않습니다: { $wanted }{ PARTICLE($wanted, "이/가") } 와야 하는데 { $found }{ PARTICLE($found, "이/가") } 있습니다
toml-invalid-value = 쓸 수 없는 값입니다: { $wanted }{ PARTICLE($wanted, "이/가") } 와야 하는데 { $found }{ PARTICLE($found, "이/가") } 있습니다
toml-kind-boolean = 불리언 값(true 또는 false)
toml-kind-list = 배열
toml-kind-string = 문자열
toml-kind-number = 수
toml-kind-whole-number = 정수
toml-kind-table = 테이블
toml-found-boolean = 불리언 값 { $value }
toml-found-float = 실수 { $value }
toml-found-integer = 정수 { $value }
toml-found-string = 문자열 { $value }
