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
