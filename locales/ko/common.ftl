# 모든 명령이 함께 쓰는 말.

lang-name = 한국어

# 오류 메시지와 힌트 앞에 붙는 말.
label-error = 오류
label-hint = 힌트

# Ctrl-C로 명령이 멈춘 뒤.
run-interrupted = 중단됨 (Ctrl-C): 보고서에는 그 전에 마친 스텝까지 나옵니다

# 잘못 쓴 식과 그 식이 있던 곳 ($origin: error-origin-expression, --answer 같은
# 옵션, 또는 파일의 한 줄).
error-parse-in = { $message } ({ $origin })
error-origin-expression = 식
error-origin-line = { $line }번째 줄
error-origin-line-answer = { $line }번째 줄의 답
# --at, --start에 준 변수의 값 ($written: "--at", "at").
error-origin-value = { $written }에 준 { $name }의 값

# 물은 곳에서 값이 없는 식 ($context: error-eval-at 또는 error-eval-graph;
# $error: eval-… 메시지).
error-eval = { $context }: { $error }
error-eval-at = { $point }에서 값을 구할 수 없습니다
error-eval-graph = 그래프의 값을 구할 수 없습니다
error-eval-unbound-hint = 값을 주세요. 예: --at { $name }=1
error-eval-domain-hint = 식의 정의역 안에 있는 점을 고르세요
