# 데이터: CSV 파일의 실수(줄과 열 위치와 함께)와 내장 데이터 세트 (src/data/).

csv-empty = CSV 파일이 비어 있습니다
csv-empty-hint = 첫 줄에 열 이름을 쓰세요. 예: x1,x2,y
csv-header-unreadable = { $path }: 머리글 행을 읽을 수 없습니다: { $error }
csv-row-unreadable = { $path }: CSV 행을 읽을 수 없습니다: { $error }
csv-no-rows = CSV 파일에 머리글 행만 있고 데이터 행이 없습니다
csv-no-rows-hint = 머리글 아래에 샘플마다 한 행씩 넣으세요
csv-no-inputs = 입력으로 쓸 열이 남지 않습니다
csv-no-inputs-hint = 목표값이 아닌 열이 입력이 됩니다
csv-ragged-row = 이 행에는 값이 { $fields }개 있는데, 머리글에는 열이 { $columns }개 있습니다
csv-ragged-row-hint = 모든 행에 열마다 값을 하나씩 쓰세요
csv-empty-field = 이 행의 { $column }번째 열({ $name })이 비어 있습니다
csv-empty-field-hint = 입력과 수치 목표값은 모든 행에 수가 있어야 합니다
csv-not-a-number = { $column }번째 열({ $name })의 '{ $value }'{ PARTICLE($value, "은/는") } 수가 아닙니다
csv-not-a-number-hint = 입력과 수치 목표값은 0.5나 -1e-3 같은 수여야 합니다
csv-too-many-inputs = 입력 열이 { $count }개({ $names })로 신경망이 받는 것보다 많습니다: 입력층의 유닛이 { $inputs }개이므로 '{ $extra }'({ $column }번째 열)부터는 남는 열입니다
csv-too-few-inputs = 입력 열이 { $count }개({ $names })로 신경망이 받는 것보다 적습니다: 입력층의 유닛은 { $inputs }개입니다
csv-input-columns-hint = 첫 층의 크기를 입력 열의 수로 맞추거나, 남는 열을 --targets로 목표값에 넣거나, 명세 없이 데이터에 맞춰 만든 신경망을 쓰세요
csv-no-such-column = '{ $name }' 열이 없습니다
csv-the-columns-are = 이 파일의 열: { $columns }

data-no-such-builtin = 내장 데이터 세트 '{ $name }'{ PARTICLE($name, "은/는") } 없습니다
data-did-you-mean-builtin = builtin:{ $meant }{ PARTICLE($meant, "을/를") } 쓰려던 것인가요? 내장 데이터 세트: { $names }
data-the-builtins-are = 내장 데이터 세트: { $names }
csv-delimiter-ambiguous = 머리글에 쉼표, 세미콜론, 탭 가운데 둘 이상이 있는데, 행만으로는 어느 것이 필드를 구분하는지 정할 수 없습니다
csv-delimiter-ambiguous-hint = 필드는 처음부터 끝까지 한 문자로 구분하고, 다른 구분 문자가 든 필드는 큰따옴표로 묶으세요
csv-separated = { $delimiter ->
    [semicolon] 세미콜론으로 구분
    [tab] 탭으로 구분
   *[comma] 쉼표로 구분
}
