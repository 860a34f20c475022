# `stepgrad practice`: 정답이 딸린 연습 문제지.

practice-heading = 연습 문제지
practice-intro = 수준 { $level }, 시드 { $seed }: 연습 문제 { $count }개. 수는 유효숫자 네 자리로 쓰세요. 정답은 마지막 연습 문제 뒤에 있습니다.
practice-exercise = 연습 문제 { $number } ({ $topic })
practice-answers = 정답
practice-given = 주어진 값: { $values }.
practice-find = 구할 것: { $names }.
practice-topic-derivative = 법칙에 따른 미분
practice-topic-gradient = 편미분
practice-topic-descent = 경사 하강법
practice-topic-epochs = 에포크와 이터레이션
practice-topic-backprop = 역전파
practice-topic-optimizer = 옵티마이저 스텝
practice-q-derivative = { $f }{ PARTICLE($f, "을/를") } x에 대해 미분하세요.
practice-q-gradient = { $f }의 편미분을 구하세요.
practice-q-descent-one = 아래의 시작점에서 { $f }에 경사 하강법 x ← x − η·∇f(x)를 한 스텝 적용하세요.
practice-q-descent-two = 아래의 시작점에서 { $f }에 경사 하강법 x ← x − η·∇f(x)를 두 스텝 적용하세요.
practice-q-epochs = 샘플 { $samples }개의 학습 데이터를 배치 크기 { $batch }의 미니배치로 { $epochs } 에포크 동안 학습합니다. 에포크마다 마지막 배치는 더 작습니다.
practice-q-epochs-drop = 샘플 { $samples }개의 학습 데이터를 배치 크기 { $batch }의 미니배치로 { $epochs } 에포크 동안 학습합니다. 에포크마다 마지막의 작은 배치는 버립니다(drop_last).
practice-q-backprop = 시그모이드 뉴런으로 된 2-2-1 신경망입니다: { $hidden }, { $output }, 오차는 { $error }이고 각 뉴런의 { $delta }입니다. 아래 값으로 역전파를 계산하세요.
practice-q-momentum = PyTorch가 정의한 모멘텀 SGD(속도는 첫 기울기에서 시작하고 그다음 b ← μ·b + g; θ ← θ − η·b)로 아래의 기울기를 써서 파라미터 하나를 갱신합니다.
practice-q-rmsprop = PyTorch가 정의한 RMSprop(v ← ρ·v + (1 − ρ)·g², 0에서 시작, ρ는 PyTorch의 alpha; θ ← θ − η·g/(√v + ε))으로 아래의 기울기를 써서 파라미터 하나를 갱신합니다.
practice-q-adam = PyTorch가 정의한 Adam(m과 v는 0에서 시작하고 스텝 t에서 편향 보정: θ ← θ − η·m̂/(√v̂ + ε))으로 아래의 기울기를 써서 파라미터 하나를 갱신합니다.
practice-unknown-topic = 연습 주제 '{ $topic }'{ PARTICLE($topic, "은/는") } 없습니다. '{ $closest }'{ PARTICLE($closest, "을/를") } 뜻했나요?
practice-topics = 주제는 { $topics }입니다
practice-count = --count { $count }: 연습 문제지에는 연습 문제가 1개에서 { $limit }개까지 들어갑니다 (docs/limits.md)
practice-count-hint = --count { $limit } 이하로 주고, 문제지가 더 필요하면 --seed를 여러 값으로 주세요
practice-level = --level { $level }: 수준은 1, 2, 3입니다
practice-level-hint = 법칙 하나와 가중치 하나는 --level 1, 중첩된 연쇄 법칙과 여러 변수와 은닉층은 --level 3으로 쓰세요
practice-score = 답 { $asked }개 중 { $right }개가 맞았습니다.
practice-interactive-needs-terminal = practice --interactive는 터미널에서 질문하는데, 표준 입력이나 표준 출력이 터미널이 아닙니다
practice-interactive-needs-terminal-hint = 터미널에서 실행하거나, --interactive를 빼고 정답이 딸린 문제지를 만드세요
practice-interactive-format = practice --interactive는 터미널에 텍스트로 씁니다. --format { $format }{ PARTICLE($format, "은/는") } 쓸 수 없습니다
practice-interactive-format-hint = --format을 빼거나, --interactive를 빼고 { $format } 문제지를 만드세요
practice-hint-derivative-1 = 가장 바깥의 연산부터 찾으세요. 곱인지, 몫인지, 거듭제곱인지, 안쪽 식의 함수인지 보고 그 법칙을 적용하세요.
practice-hint-derivative-2 = 안쪽 식 u의 함수라면 연쇄 법칙으로 f′(u)·u′입니다. 안쪽도 미분하세요.
practice-hint-gradient-1 = ∂f/∂x를 구할 때는 다른 변수를 모두 상수로 보세요.
practice-hint-gradient-2 = x가 없는 항의 ∂/∂x는 0이고, 곱에서는 x가 있는 인수만 변합니다.
practice-hint-descent-1 = 먼저 지금 점에서 기울기를 구하고 그 반대로 움직이세요: 새 값 = 이전 값 − η·기울기.
practice-hint-descent-2 = 두 번째 스텝에서는 첫 스텝이 도착한 점에서 기울기를 다시 구하세요.
practice-hint-epochs-1 = 에포크 하나는 모든 샘플을 한 번 도는 것이고, 이터레이션 하나는 배치 하나입니다.
practice-hint-epochs-2 = 에포크마다 꽉 찬 배치는 ⌊N/B⌋개이고, 남은 샘플은 버리지 않으면 더 작은 배치 하나가 됩니다.
practice-hint-backprop-1 = 먼저 순전파를 하세요: 주어진 값으로 h₁, h₂, o를 구하고, 각각은 순입력의 σ입니다.
practice-hint-backprop-2 = δₒ = (o − t)·o·(1 − o)이고, 가중치의 기울기는 그 가중치가 이어진 뉴런의 δ에 그 가중치가 곱하는 값을 곱한 것입니다. δₕ₁ = δₒ·w₅·h₁·(1 − h₁)입니다.
practice-hint-optimizer-1 = 파라미터보다 먼저 이 스텝의 기울기로 옵티마이저의 상태(속도, 또는 평균 m과 v)를 갱신하세요.
practice-hint-optimizer-2 = 반올림은 마지막에만 하세요. 각 스텝의 상태는 온전한 정밀도로 다음 스텝에 넘기세요.
