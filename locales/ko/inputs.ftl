# 식 말고 사용자가 입력하는 것: 점(`--at x=1`, `--start`, 문제 줄의 `at=`),
# `--wrt`의 변수, 옵션이 가리키는 파일, `--sample`, 문제 줄의 옵션.
# $written은 사용자가 쓴 그대로의 항목(`--at x=1` 또는 `at=x=1`)이고, 수는
# 출력된 그대로 옵니다.

inputs-not-name-value = { $written }: '{ $item }'{ PARTICLE($item, "은/는") } 이름=값 꼴이 아닙니다
inputs-not-name-value-hint = 값은 { $example }처럼 쓰세요
inputs-not-variable-name = { $written }: '{ $name }'{ PARTICLE($name, "은/는") } 변수 이름이 아닙니다
inputs-variable-name-hint = 이름은 영문자로 시작하고 영문자, 숫자, _만 씁니다. 예: w1, net_h1
inputs-given-twice = { $written }: { $name }의 값이 두 번 주어졌습니다({ $first }, { $second })
inputs-given-twice-hint = 변수마다 값을 하나만 주세요. 다른 점을 보려면 명령을 다시 실행하세요
inputs-not-a-number = { $written }: '{ $word }'{ PARTICLE($word, "은/는") } 수가 아닙니다
inputs-not-a-number-hint = 값은 수 또는 상수 식입니다. 예: 1.5, -2, pi/2
inputs-value-failed = { $written }: { $problem }
inputs-value-failed-hint = { $name }에 수를 주세요. 예: { $example }

# --wrt: 미분할 변수.
inputs-no-variables = 식에 변수가 없어서 미분할 변수가 없습니다
inputs-no-variables-hint = 도함수는 0입니다. 상수 법칙이 적용되는 모습을 보려면 --wrt로 변수를 지정하세요
inputs-several-variables = 식에 변수가 여럿({ $names }) 있습니다: 어느 변수로 미분할지 지정하세요
inputs-several-one-hint = --wrt { $first }{ PARTICLE($first, "을/를") } 덧붙이세요(변수 하나: 그 변수에 대한 편도함수)
inputs-several-hint = 편도함수 하나는 --wrt { $first }, 기울기는 --wrt { $all }{ PARTICLE($all, "을/를") } 덧붙이세요
inputs-several-many-hint = 편도함수 하나는 --wrt { $first }{ PARTICLE($first, "을/를") }, 여러 개는 --wrt { $first },{ $second },{ $third } 같은 목록을 덧붙이세요
inputs-wrt-not-in-expression = --wrt { $name }: 식에 변수 { $name }{ PARTICLE($name, "이/가") } 없습니다
inputs-wrt-variables-are = 식의 변수는 { $names }입니다
inputs-choose-any = 식의 변수를 지정하세요
inputs-choose-only = 식의 변수는 { $only }입니다: --wrt { $only }
inputs-choose-first = 식의 변수는 { $names }입니다. 예: --wrt { $first }
inputs-wrt-empty = --wrt에 빈 이름이 주어졌습니다(쉼표가 하나 더 있나요?)
inputs-wrt-empty-hint = 이름은 쉼표 하나로 구분하세요. { $choose }
inputs-wrt-one-only = --wrt { $name }: check는 한 번에 편도함수 하나를, 변수 하나로 판정합니다
inputs-wrt-one-only-hint = 변수를 하나만 주세요. 예: --wrt { $first }
inputs-wrt-is-e = e는 상수 2.71828…이며 변수가 아닙니다
inputs-wrt-is-pi = pi는 상수 3.14159…이며 변수가 아닙니다
inputs-wrt-is-function = { $name }{ PARTICLE($name, "은/는") } 함수이며 변수가 아닙니다
inputs-wrt-not-name = 변수 이름이 아닙니다: 이름은 영문자로 시작하고 영문자, 숫자, _만 씁니다
inputs-wrt-bad = --wrt { $name }: { $what }

# 옵션이 가리키는 파일.
inputs-file-is-folder = { $option } { $path }: 파일이 아니라 폴더입니다
inputs-file-is-folder-hint = 파일의 경로를 주세요
inputs-file-missing = { $option } { $path }: 그런 파일이 없습니다
inputs-file-missing-hint = 이름을 확인하세요. 상대 경로는 stepgrad를 실행한 폴더에서 시작합니다
inputs-file-unreadable = { $option } { $path }: { $problem }
inputs-file-utf8-hint = 파일을 일반 UTF-8 텍스트로 저장하세요
inputs-file-read-hint = 파일을 읽을 수 있는지 확인하세요
inputs-file-too-large-hint = 데이터의 일부만 쓰거나 파일을 나누세요
inputs-output-extension = { $option } { $path }: 파일 이름은 .{ $extension }{ PARTICLE($extension, "으로/로") } 끝나야 합니다
inputs-output-extension-hint = 예: { $option } result.{ $extension }
inputs-output-no-folder = { $option } { $path }: 폴더 { $folder }{ PARTICLE($folder, "이/가") } 없습니다
inputs-output-no-folder-hint = 폴더를 먼저 만들거나, 있는 폴더에 파일을 쓰세요
inputs-output-is-folder-hint = 그 안의 파일 이름을 주세요. 예: { $example }

# --sample K.
inputs-sample-one = --sample { $sample }: 데이터의 샘플은 1번부터 1번까지입니다(샘플 하나)
inputs-sample-range = --sample { $sample }: 데이터의 샘플은 1번부터 { $samples }번까지입니다

# 문제 줄의 옵션.
inputs-line-key-twice = 이 줄에 { $key }=가 두 번 주어졌습니다('{ $first }', 그다음 '{ $second }')
inputs-line-key-twice-hint = { $key }=는 한 번만 주세요: 뜻하는 쪽을 남기세요
inputs-line-not-option = '{ $part }'{ PARTICLE($part, "은/는") } 이 줄의 옵션이 아닙니다
inputs-line-not-option-hint = 식 뒤에 줄마다 { $keys }{ PARTICLE($keys, "을/를") } 덧붙일 수 있습니다
inputs-sample-graph-hint = 값을 보여 줄 샘플을 고르세요
inputs-sample-net-hint = 연쇄 법칙의 인수를 보여 줄 샘플을 고르세요

# 명령줄의 형식과 출력 파일.
inputs-format-refused = { $command }{ PARTICLE($command, "은/는") } --format { $format }{ PARTICLE($format, "으로/로") } 쓸 수 없습니다
inputs-format-choose = 다음 중 하나를 고르세요: { $formats }
inputs-standalone = --standalone은 완전한 LaTeX 문서를 만듭니다
inputs-standalone-hint = --format latex(또는 --output notes.tex)와 함께 쓰세요
inputs-output-no-format = --output { $path }: 확장자로는 어떤 형식으로 쓸지 알 수 없습니다
inputs-output-no-format-hint = 이름을 .md, .tex, .json, .csv, .txt, .svg 중 하나로 끝내거나 --format을 주세요
inputs-output-no-picture = { $path }: 이 명령은 그림을 그리지 않습니다
inputs-output-no-picture-hint = 그림은 minimize, train, net이 그립니다. 이 명령에는 .md, .tex, .json, .txt를 쓰세요
inputs-output-and-plot = --output FILE.svg와 --plot이 둘 다 그림 파일을 지정합니다
inputs-output-and-plot-hint = 둘 중 하나만 주세요
inputs-same-file = { $first_option } { $first_path }{ PARTICLE($first_path, "와/과") } { $second_option } { $second_path }{ PARTICLE($second_path, "이/가") } 같은 파일을 가리킵니다
inputs-same-file-hint = 출력마다 따로 파일을 주세요. 그렇지 않으면 한쪽이 다른 쪽을 덮어씁니다
inputs-overwrite-input = { $output_option } { $output_path }{ PARTICLE($output_path, "이/가") } 이 명령이 읽는 { $option } { $path }{ PARTICLE($path, "을/를") } 덮어쓰게 됩니다
inputs-overwrite-input-hint = { $output_option }에는 다른 파일을 주세요. stepgrad는 자기가 읽는 파일을 바꾸지 않습니다
inputs-spec-data-file = 스펙의 [data] 파일

# graph, diff, check.
inputs-graph-at-network = --at은 식의 변수에 값을 주는데, { $target }{ PARTICLE($target, "은/는") } 신경망입니다
inputs-graph-at-network-hint = 신경망의 그래프는 명세에서 값을 가져옵니다. --sample K로 샘플을 고르세요
inputs-at-extra = --at이 식에 없는 { $name }의 값을 줍니다
inputs-at-missing = --at에 { $name }의 값이 없습니다
inputs-at-missing-hint = 모든 변수에 값을 주세요: --at { $example }
inputs-graph-no-data = 명세 { $target }에 데이터가 없습니다
inputs-graph-no-data-hint = 값이 있는 그래프를 그리려면 inputs와 targets를 추가하세요
inputs-diff-no-expression = 식이 주어지지 않았습니다
inputs-check-no-answer = 답이 주어지지 않았습니다
inputs-check-no-answer-hint = 줄을 EXPR ; answer=EXPR 꼴로 쓰세요
inputs-check-needs = check에는 식과 --answer가 필요합니다

# 옵션에 준 개수를 읽을 수 없는 까닭 (clap의 "쓸 수 없습니다" 뒤에).
inputs-count-too-large = 개수로는 너무 큽니다(최대 { $limit }). 옵션마다 한도는 이보다 작습니다. docs/limits.md를 보세요
inputs-count-negative = 개수는 음수일 수 없습니다. 10 같은 정수를 주세요
inputs-count-not-whole = 개수는 10 같은 정수입니다
inputs-count-not-a-number = 수가 아닙니다. 10 같은 정수를 주세요
