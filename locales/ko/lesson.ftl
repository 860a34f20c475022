# 레슨을 진행하는 쪽이 하는 말: 레슨 본문 둘레의 화면, 연습 문제의 판정,
# 레슨 목록, 그리고 레슨 파일의 모든 실수 (src/lesson/).

## 화면

lesson-title = 레슨 { $number } · { $title }
lesson-objectives = 이 레슨에서 배울 것
lesson-exercise = 연습 문제
lesson-hint = 힌트 { $number }
lesson-solution = 풀이
lesson-solutions = 풀이 모음
lesson-derivative-is = stepgrad가 구한 도함수
lesson-finished = 레슨 { $number }{ PARTICLE($number, "을/를") } 마쳤습니다.
lesson-next = 다음 레슨: stepgrad lesson { $number }
lesson-section-of = 절 { $section }/{ $sections }
lesson-navigation = [Enter] 다음 · [b] 이전 · [q] 끝내기
lesson-navigation-last = [Enter] 마치기 · [b] 이전 · [q] 끝내기

## 레슨 목록

lesson-list-title = stepgrad 레슨
lesson-list-intro = 신경망이 어떻게 학습하는지 아홉 개의 레슨으로 배웁니다. 레슨마다 예제에 stepgrad 명령을 직접 실행해 보고, 연습 문제의 답은 stepgrad가 채점합니다. 터미널에서는 한 번에 한 절씩 진행합니다.
lesson-list-start = 첫 레슨 시작하기: stepgrad lesson 1
lesson-list-other-language = 영어로 보기: stepgrad lesson 1 --lang en
lesson-list-own-file = 직접 쓴 레슨 파일 (형식: docs/lessons.md): stepgrad lesson my-lesson.md

## 연습 문제에 답하기

lesson-answer-prompt = 답을 입력하세요 ([?] 힌트 · [s] 풀이 · [Enter] 건너뛰기):{" "}
lesson-right = ✓ 맞았습니다.
lesson-not-yet = ✗ 아직 아닙니다.
lesson-too-large = 값이 너무 큽니다.
lesson-too-small = 값이 너무 작습니다.
lesson-your-value = 입력한 답의 값은 { $value }입니다.
lesson-twice-the-answer = 맞는 값의 두 배입니다. ½을 빠뜨리지 않았는지 확인하세요.
lesson-half-the-answer = 맞는 값의 절반입니다. 2를 빠뜨리지 않았는지 확인하세요.
lesson-sign-flipped = 크기는 맞지만 부호가 반대입니다.
lesson-close-digits = 거의 맞았습니다. 유효숫자 { $digits }자리로 답하세요.
lesson-digits-wanted = (유효숫자 { $digits }자리)
lesson-choose = 보기의 번호(1~{ $count })나 보기의 글로 답하세요.
lesson-prediction-prompt = 예측을 입력하세요 (1~{ $count } · [Enter] 건너뛰기):{" "}
lesson-prediction-wrong = ✗ 이번에는 아닙니다. 출력이 보여 주는 것은 { $number }번, { $choice }입니다.
lesson-at-point = { $point }에서 도함수의 값은 { $expected }인데, 입력한 답의 값은 { $answer }입니다.
lesson-likely-mistake = 짐작되는 실수: { $mistake }.
lesson-needs-number = 수로 답하세요 (2 - 0.1*4 같은 계산식도 됩니다).
lesson-no-more-hints = 힌트는 여기까지입니다. [s]를 누르면 풀이를 볼 수 있습니다.
lesson-undecided = stepgrad가 이 답을 판정하지 못했습니다: { $reason }.
lesson-undefined = 정의되지 않음
lesson-answered = (답함)
# 입력한 답에 오타가 있을 때: 식을 읽는 쪽이 한 말과 함께.
lesson-answer-unreadable = 입력한 답을 읽을 수 없습니다: { $problem }
lesson-expression-unreadable = { $expr }{ PARTICLE($expr, "을/를") } 읽을 수 없습니다
lesson-terminal-failed = 터미널에 읽거나 쓰지 못했습니다: { $error }

## 레슨의 명령 실행

lesson-command-failed = 레슨을 실행하는 중에 이 명령이 실패했습니다: { $error }
lesson-command-failed-hint = 명령을 따로 실행해 전체 메시지를 확인하고, 레슨 파일에서 고치세요
lesson-shows-missing = 연습 문제(줄 { $exercise })의 명령 출력에 '{ $shows }'{ PARTICLE($shows, "이/가") } 없습니다: stepgrad { $command }
lesson-shows-missing-hint = 레슨이 주는 답은 명령이 출력하는 것이어야 합니다. 명령을 실행해 보고 답이나 shows를 고치세요
lesson-unknown-kind = kind = "{ $kind }"{ PARTICLE($kind, "은/는") } 연습 문제의 종류가 아닙니다
lesson-unknown-kind-hint = 종류는 kind = "predict" 하나뿐입니다. kind가 없으면 도함수나 수를 묻는 연습 문제입니다
lesson-prediction-key = { $key }{ PARTICLE($key, "은/는") } predict 연습 문제에만 씁니다
lesson-prediction-key-hint = kind = "predict"를 더하거나 { $key }{ PARTICLE($key, "을/를") } 빼세요
lesson-not-of-prediction = { $key }{ PARTICLE($key, "은/는") } predict 연습 문제에 쓰지 않습니다
lesson-not-of-prediction-hint = predict 연습 문제에는 choices, answer (맞는 보기의 번호), run, shows, explanation을 씁니다
lesson-prediction-needs = predict 연습 문제에는 { $key }{ PARTICLE($key, "이/가") } 있어야 합니다
lesson-too-few-choices = predict 연습 문제에는 보기가 두 개 이상 있어야 합니다
lesson-answer-not-a-choice = answer = { $value }{ PARTICLE($value, "은/는") } 보기의 번호(1~{ $count })가 아닙니다
lesson-answer-not-a-choice-hint = predict 연습 문제의 answer는 맞는 보기의 번호이고, 1부터 셉니다
lesson-shows-empty = shows에는 출력에 나오는 글을 하나 이상 쓰고, 빈 글은 쓰지 마세요
lesson-digits-of-derivative = digits는 수를 묻는 연습 문제에만 씁니다
lesson-digits-and-tolerance = digits와 tolerance 중 하나만 쓰세요
lesson-digits-and-tolerance-hint = digits = 4는 유효숫자 4자리를 묻고 그 자리로 반올림한 답을 받아들입니다. tolerance는 그만큼 가까운 값을 모두 받아들입니다
lesson-digits-range = digits = { $value }{ PARTICLE($value, "이/가") } 1과 15 사이가 아닙니다
lesson-digits-range-hint = 64비트 수에는 유효숫자가 많아야 { $most }자리까지 담깁니다. 예: digits = 4

## 레슨 파일의 실수: 머리말

lesson-no-front-matter = 레슨 파일은 두 '+++' 줄 사이의 머리말로 시작해야 합니다
lesson-opening =
    파일을 이렇게 시작하세요
    +++
    number = 1
    title = "신경망은 어떻게 학습하는가"
    objectives = ["…"]
    +++
lesson-front-matter-not-dashes = 머리말은 '---' 줄이 아니라 '+++' 줄 사이에 TOML로 씁니다. { $opening }
lesson-front-matter-open = 머리말이 닫히지 않았습니다
lesson-front-matter-open-hint = '+++'만 있는 줄로 머리말을 끝내세요
lesson-front-matter-missing = 머리말에 { $key }{ PARTICLE($key, "이/가") } 없습니다
lesson-add-line = { $line } 줄을 넣으세요
lesson-for-example = 예: { $example }
lesson-number-range = number = { $number }: 레슨 번호는 1부터 { $max }까지입니다
lesson-title-one-line = 제목은 한 줄이어야 합니다
lesson-no-objectives = 목표 목록이 비어 있습니다
lesson-no-objectives-hint = 학생이 할 수 있게 될 일을 하나 이상 쓰세요
lesson-empty = { $what }{ PARTICLE($what, "이/가") } 비어 있습니다
lesson-part-title = 제목
lesson-part-objective = 목표 { $number }
lesson-part-question = 질문
lesson-part-hint = 힌트 { $number }
lesson-part-solution = 풀이
lesson-part-choice = 보기 { $number }
lesson-part-explanation = 설명

## 머리말과 연습 문제의 TOML

# 키마다 그 키를 쓰는 줄의 예 (힌트에 씁니다).
lesson-example-number = number = 3
lesson-example-title = title = "가중치 하나로 보는 경사 하강법"
lesson-example-objectives = objectives = ["갱신 규칙을 손으로 적용하기"]
lesson-example-question = question = "새 가중치는 얼마입니까?"
lesson-example-derivative = derivative = "x^2*exp(x)"
lesson-example-wrt = wrt = "x"
lesson-example-answer = answer = 1.6
lesson-example-tolerance = tolerance = 1e-3
lesson-example-hints = hints = ["갱신 규칙은 w − α·dE/dw입니다.", "2 − 0.1·4"]
lesson-example-solution = solution = "w ← 2 − 0.1·4 = 1.6"
lesson-example-digits = digits = 4
lesson-example-kind = kind = "predict"
lesson-example-choices = choices = ["올라간다", "내려간다", "그대로다"]
lesson-example-run = run = "minimize \"x^2\" --start x=3 --lr 0.1 --steps 1"
lesson-example-shows = shows = ["5.76"]
lesson-example-explanation = explanation = "x = 3에서 기울기가 양수이므로 왼쪽으로 한 걸음 움직이고 f는 내려갑니다."
lesson-holds-digits = 유효숫자의 자릿수 (1~15의 정수)
lesson-holds-command = 따옴표로 감싼 stepgrad 명령
lesson-holds-number = 1 이상의 정수
lesson-holds-title = 따옴표로 감싼 한 줄의 글
lesson-holds-texts = 따옴표로 감싼 글의 목록
lesson-holds-text = 따옴표로 감싼 글
lesson-holds-expression = 따옴표로 감싼 식
lesson-holds-variable = 따옴표로 감싼 변수 이름
lesson-holds-a-number = 수
lesson-holds-tolerance = 0과 1 사이의 수
lesson-syntax-front-matter = 한 줄에 키 = 값을 하나씩 쓰고, 글은 따옴표로 감싸세요: number = 3, title = "…", objectives = ["…", "…"]
lesson-syntax-exercise = 한 줄에 키 = 값을 하나씩 쓰고, 글은 따옴표로 감싸세요: question = "…", answer = 1.6, hints = ["…"]
lesson-unknown-key = { $block ->
        [front-matter] 머리말에
        [claims] claims 블록에
       *[exercise] 연습 문제에
    } 알 수 없는 키 '{ $key }'{ PARTICLE($key, "이/가") } 있습니다
lesson-did-you-mean-key = { $meant }{ PARTICLE($meant, "을/를") } 쓰려던 것인가요? 쓸 수 있는 키: { $keys }
lesson-the-keys-are = 쓸 수 있는 키: { $keys }
lesson-key-twice = '{ $key }'{ PARTICLE($key, "이/가") } 두 번 나옵니다
lesson-key-twice-hint = { $block ->
        [front-matter] 머리말의
        [claims] claims 블록의
       *[exercise] 연습 문제의
    } 키는 한 번씩만 쓰세요
lesson-wrong-type = { $key }에는 { $holds }{ PARTICLE($holds, "을/를") } 써야 합니다
lesson-not-toml = { $block ->
        [front-matter] 머리말이
        [claims] claims 블록이
       *[exercise] 연습 문제가
    } 올바른 TOML이 아닙니다: { $problem }
lesson-colon-not-equals = 키와 값 사이에는 ':' 대신 '=' 기호를 씁니다. { $syntax }

## 연습 문제

lesson-no-question = 이 연습 문제에는 질문이 없습니다
lesson-derivative-and-answer = 연습 문제는 도함수와 수 가운데 하나만 물을 수 있습니다
lesson-derivative-and-answer-hint = derivative와 answer 가운데 하나만 남기세요
lesson-nothing-asked = 이 연습 문제에는 미분할 식도 답도 없습니다
lesson-nothing-asked-hint = derivative = "EXPR"(변수가 여럿이면 wrt = "V"도) 또는 answer = NUMBER를 넣으세요
lesson-tolerance-of-derivative = tolerance는 수로 답하는 문제에만 씁니다
lesson-tolerance-of-derivative-hint = 도함수는 정확하게 채점하므로 tolerance를 지우세요
lesson-derivative-unreadable = derivative의 식을 읽을 수 없습니다: { $problem }
lesson-derivative-unreadable-hint = stepgrad diff에 쓰는 것처럼 식을 쓰세요
lesson-wrt-absent = wrt: '{ $wrt }'{ PARTICLE($wrt, "은/는") } { $expr }에 나오지 않습니다
lesson-no-variable-hint = { $expr }에는 변수가 없습니다. 변수가 있는 식의 도함수를 물으세요
lesson-the-variables-are = 식의 변수: { $variables }
lesson-no-variable = { $expr }에는 미분할 변수가 없습니다
lesson-no-variable-to-differentiate-hint = 변수가 있는 식의 도함수를 물으세요. 예: derivative = "x^3"
lesson-several-variables = { $expr }에는 변수가 { $count }개 있으므로 어느 변수로 미분할지 밝혀야 합니다
lesson-several-variables-hint = wrt = "{ $first }" 줄을 넣으세요 ({ $variables } 가운데 하나)
lesson-wrt-of-number = wrt는 도함수를 묻는 문제에만 씁니다
lesson-wrt-of-number-hint = wrt를 지우거나, 도함수를 묻는 문제로 바꾸세요
lesson-answer-not-finite = answer = { $value }{ PARTICLE($value, "은/는") } 유한한 수가 아닙니다
lesson-answer-not-finite-hint = 수를 쓰세요. 예: answer = 1.6
lesson-tolerance-range = tolerance = { $value }{ PARTICLE($value, "은/는") } 0과 1 사이의 수가 아닙니다
lesson-tolerance-range-hint = 예: tolerance = 1e-3 (답의 크기에 대한 상대 허용 오차)
lesson-too-many-hints = 연습 문제의 힌트는 두 개까지입니다
lesson-too-many-hints-hint = 나머지는 풀이에 넣으세요

## 본문: 절과 코드 블록

lesson-no-section = 레슨에 절이 하나도 없습니다
lesson-no-section-hint = '## ' 제목으로 레슨을 절로 나누세요
lesson-block-open = 이 코드 블록이 닫히지 않았습니다
lesson-block-open-hint = ```만 있는 줄로 블록을 끝내세요
lesson-heading-level = 레슨에는 '## '(절) 제목과 '### ' 제목만 쓸 수 있습니다
lesson-heading-level-hint = 레슨의 제목은 머리말의 title입니다. 절은 '## '로 시작하세요
lesson-exercise-option = 연습 문제 블록에 알 수 없는 옵션 '{ $option }'{ PARTICLE($option, "이/가") } 있습니다
lesson-exercise-option-hint = 블록을 ```exercise로 여세요
lesson-command-option = stepgrad 블록에 알 수 없는 옵션 '{ $option }'{ PARTICLE($option, "이/가") } 있습니다
lesson-command-option-hint = 쓸 수 있는 옵션은 expect-error 하나뿐입니다: ```stepgrad expect-error
lesson-quote-open = 이 따옴표가 닫히지 않았습니다
lesson-quote-open-hint = 같은 줄에서 따옴표를 닫으세요
lesson-no-command = 'stepgrad'만 있고 명령이 없는 줄입니다
lesson-no-command-hint = 명령을 쓰세요. 예: diff "x^2"
lesson-empty-block = 이 stepgrad 블록에는 명령이 없습니다
lesson-empty-block-hint = 한 줄에 명령을 하나씩 쓰세요. 예: diff "x^2" --at x=3

# 과정에 없는 번호로 `stepgrad lesson N`을 부를 때.
lesson-no-such-lesson = 레슨 { $number }{ PARTICLE($number, "은/는") } 없습니다: 레슨은 1부터 { $count }까지입니다
lesson-no-such-lesson-hint = `stepgrad lesson`으로 레슨 목록을 보세요

# 레슨 파일의 명령 블록 가운데 stepgrad가 실행할 수 없는 것.
lesson-block-command-forbidden = '{ $name }'{ PARTICLE($name, "은/는") } 레슨 안에서 실행할 수 없습니다
lesson-block-command-forbidden-hint = 다른 명령을 쓰세요: diff, check, net, graph, minimize, train, epochs
lesson-block-option-forbidden = 레슨에서는 { $option }{ PARTICLE($option, "을/를") } 쓸 수 없습니다
lesson-block-writes-files = 레슨은 파일을 쓰지 않습니다
lesson-block-sets-language = 레슨 실행기가 모든 명령에 레슨의 언어를 줍니다
lesson-block-sets-colour = 레슨 실행기가 모든 명령의 색을 정합니다
# $finding: 블록의 명령에 대해 명령줄이 알려 주는 내용.
lesson-block-refused = stepgrad { $command }: { $finding }
lesson-block-unknown-command-hint = 명령은 diff, check, net, graph, minimize, train, epochs입니다
lesson-block-refused-hint = 명령을 따로 --help와 함께 실행해 보세요
