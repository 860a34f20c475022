# `stepgrad graph`의 보고서: 제목, 말로 쓰는 연산, 그림 아래의 설명.
# $function은 수식이고, $gradient는 ∂f/∂node입니다.

graph-of = { $function }의 계산 그래프
graph-of-network = 신경망 { $name } ({ $shape })의 계산 그래프: 샘플 { $sample }, 명세에 적힌 파라미터
graph-see-above = 위 참고
graph-number = 수
graph-constant = 상수
graph-input = 입력
graph-negate = 부호 바꿈
graph-power = 거듭제곱
graph-parameter = 파라미터
graph-target = 목표값
graph-note = 순전파: 값이 입력에서 { $output }까지 위로 흘러갑니다. 역전파: { $gradient }{ PARTICLE($gradient, "이/가") } 아래로 흘러가며, 각 노드는 받은 값에 자신의 국소 미분을 곱하고 여러 경로로 들어온 값을 모두 더합니다.
graph-note-repeats = 여러 곳에서 쓰인 노드는 ({ $see_above }) 표시를 달고 다시 나오며, 그 노드의 { $gradient }{ PARTICLE($gradient, "은/는") } 쓰인 모든 곳에서 받은 값의 합입니다.
