# 레슨 실행기가 레슨의 claims 블록을 확인하는 말과, 터미널에서 레슨 화면을
# 나누는 말 (src/lesson/claims*.rs, src/lesson/interactive.rs).

## claims 블록 읽기

lesson-example-contains = contains = ["0.298371109", "E_total = 0.298371109"]
lesson-example-command = command = "net mazur --steps 2"
lesson-example-hand = hand = {"{"} "0.3775" = "0.15*0.05 + 0.20*0.10 + 0.35" {"}"}
lesson-holds-hand = 따옴표로 감싼 수마다 따옴표로 감싼 계산식을 붙인 표
lesson-syntax-claims = 한 줄에 키 = 값을 하나씩 쓰고, 글은 따옴표로 감싸세요: contains = ["…"], command = "…", hand = {"{"} "0.3775" = "…" {"}"}
lesson-part-claim = 주장 { $number }
lesson-claims-option = claims 블록에 알 수 없는 옵션 '{ $option }'{ PARTICLE($option, "이/가") } 있습니다
lesson-claims-option-hint = 블록을 ```claims로 여세요
lesson-claims-nothing = 이 claims 블록은 아무것도 주장하지 않습니다
lesson-claims-nothing-hint = contains = ["…"](출력에 나오는 글) 또는 hand = {"{"} "NUMBER" = "ARITHMETIC" {"}"}를 넣으세요
lesson-claims-command-unused = command는 contains의 글을 확인할 때만 실행합니다
lesson-claims-command-unused-hint = contains = ["…"]를 넣거나 command를 지우세요
lesson-claims-no-command = contains가 있는 claims 블록은 출력을 확인할 stepgrad 블록 뒤에 옵니다
lesson-claims-no-command-hint = 같은 절에서 그 블록 뒤로 옮기거나 command = "…"로 명령을 적으세요
lesson-hand-not-a-number = hand: '{ $number }'{ PARTICLE($number, "은/는") } 숫자로 쓴 수가 아닙니다
lesson-hand-unreadable = hand: { $problem }
lesson-hand-unreadable-hint = 계산식은 stepgrad diff에 쓰듯이 수로만 쓰세요. 예: "0.15*0.05 + 0.20*0.10 + 0.35"
lesson-hand-variable = hand: { $arithmetic }에 변수 { $variable }{ PARTICLE($variable, "이/가") } 있습니다
lesson-hand-no-value = hand: { $arithmetic }에는 값이 없습니다: { $reason }

## claims 블록 확인하기

lesson-claim-missing = 레슨은 '{ $text }'{ PARTICLE($text, "이/가") } 나온다고 하지만 { $command }의 출력에는 없습니다
lesson-claim-missing-hint = 명령을 실행해 보고, 본문과 claims 블록이 출력과 같은 말을 하도록 고치세요
lesson-hand-wrong = 레슨은 { $number }{ PARTICLE($number, "을/를") } { $arithmetic }{ PARTICLE($arithmetic, "으로/로") } 계산하지만 그 값은 { $value }입니다
lesson-hand-wrong-hint = 본문과 claims 블록의 수를 고치거나 계산식을 고치세요

## 터미널에서 한 화면씩 보는 레슨

# 한 쪽이 이어지는 화면의 제목에 붙는 표시.
lesson-continued = 계속
lesson-screen-of = 화면 { $screen }/{ $screens }
# [q]를 누르면 하는 말: $command는 남겨 둔 절에서 레슨을 엽니다.
lesson-resume = 여기서부터 이어서 보려면 다음 명령을 실행하세요: { $command }
lesson-from-range = --from { $from }: { $lesson }의 절은 1부터 { $sections }까지입니다
lesson-from-range-hint = 1부터 { $sections }까지의 절을 주거나, 처음부터 보려면 --from을 빼세요
lesson-from-list = --from은 레슨 목록이 아니라 레슨에 씁니다
lesson-from-list-hint = 레슨 번호를 주세요: stepgrad lesson 5 --from 3
