# `diff --gradcheck`와 `net --gradcheck`: 밑바닥부터 시작하는 딥러닝(4.3, 5.7.3)이
# 역전파를 확인하듯이, 각 도함수의 값을 중앙 차분으로 어림한 값과 나란히 보입니다.

gradcheck-heading = 기울기 확인
gradcheck-intro-diff = 기호로 구한 도함수의 값마다 그 점에서 함수의 중앙 차분 (f(x + h) − f(x − h))/(2h)를 나란히 보입니다.
gradcheck-intro-net = 처음 파라미터에서 역전파로 구한 기울기마다, 그 파라미터 하나만 움직인 배치 손실의 중앙 차분 (E(w + h) − E(w − h))/(2h)를 나란히 보입니다.
gradcheck-variable = 변수
gradcheck-parameter = 파라미터
gradcheck-symbolic = 기호 미분
gradcheck-backprop = 역전파
gradcheck-estimate = 중앙 차분
gradcheck-step = 간격 h
gradcheck-relative = 상대 차이
gradcheck-step-note = 간격은 h = ε^(1/3)·max(1, |x|) ≈ 6.1e-6·max(1, |x|)입니다 (ε = 2.2e-16은 1 근처에서 배정밀도 실수의 간격). 이 h는 중앙 차분의 절단 오차(h²쯤)와 반올림 오차(ε/h쯤)가 같아지게 합니다. 책은 h = 1e-4를 씁니다. 함수가 매끄러운 곳에서는 두 값이 상대 차이 1e-10·|f|/|f′|쯤까지 맞습니다 (f의 반올림 오차를 2h로 나눈 만큼). 차이가 그보다 크면 도함수가 틀렸거나, 그 점에서 h 안에 꺾이는 점이나 가파른 구간이 있습니다.
gradcheck-largest = 가장 큰 상대 차이는 { $relative }입니다.
gradcheck-undefined = 어림값 없음: x ± h에서 함수의 값이 유한하지 않습니다
gradcheck-needs-point = --gradcheck에는 확인할 점이 필요합니다
gradcheck-needs-point-hint = --at으로 주세요. 예: stepgrad diff "x^2*sin(x)" --gradcheck --at x=1
gradcheck-too-large = 여기서 기울기 확인을 하려면 손실의 노드를 { $work }번 계산해야 하는데, 한도 { $limit }번을 넘습니다
gradcheck-too-large-hint = 샘플이나 파라미터가 더 적은 신경망으로 확인하세요. 한도는 docs/limits.md에 있습니다

help-stepgrad-diff--gradcheck = --at의 점에서 각 도함수의 값을 중앙 차분으로 어림한 값, 둘의 상대 차이와 나란히 보입니다
help-stepgrad-net--gradcheck = 첫 단계의 각 기울기를 중앙 차분으로 어림한 값, 둘의 상대 차이와 나란히 보입니다
