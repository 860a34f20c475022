# --help: 각 명령이 하는 일과 각 옵션의 뜻.
# id: help-stepgrad (프로그램), help-stepgrad-CMD (명령),
# help-stepgrad-CMD--ARG (그 명령의 옵션과 인자).

help-usage = 사용법
help-heading-arguments = 인자
help-heading-options = 옵션
help-heading-commands = 명령
help-flag-help = 도움말 보기
help-flag-version = 버전 보기
help-values = (가능한 값: { $values })
help-default = (기본값: { $value })
help-stepgrad-long = stepgrad는 연쇄 법칙으로 도함수를 구하면서 쓴 법칙의 이름을 하나하나 밝히고, 신경망의 순전파, 역전파, 가중치 갱신에 나오는 모든 수를 보여 줍니다.
help-stepgrad-examples =
    예:
      stepgrad lesson 1
      stepgrad diff "x^2*sin(x)" --at x=1.5
      stepgrad check "sin(3*x)" --answer "3*cos(3*x)"

help-stepgrad = 경사 하강법과 역전파를 한 단계씩 유도해 보여 주는 도구
help-stepgrad--color = 터미널 출력에 색을 쓸지 정합니다 (auto: 터미널에 쓰고 NO_COLOR가 설정되지 않았을 때만)
help-stepgrad--format = 출력 형식: 터미널용 text, 노트용 markdown 또는 latex, 스크립트용 json
help-stepgrad--digits = 출력하는 수의 유효 숫자 개수 (기본값 6)
help-stepgrad--lang = stepgrad가 출력하는 모든 글의 언어: en 또는 ko (기본값: LC_ALL, LC_MESSAGES, LANG에서 읽은 로캘)
help-stepgrad--notation = 변수가 하나인 도함수를 쓰는 방식: leibniz (d/dx) 또는 prime (f′)
help-stepgrad--standalone = --format latex와 함께: 조각이 아니라 완결된 문서(article 클래스, amsmath, amssymb, graphicx)를 씁니다
help-stepgrad--output = 결과를 stdout 대신 이 파일에 씁니다(통째로 쓰거나 아예 쓰지 않습니다). --format이 없으면 확장자로 형식을 정합니다: .md .tex .json .csv .svg
help-stepgrad-diff = 식을 한 단계씩 미분하고, 단계마다 쓴 법칙의 이름을 밝힙니다
help-stepgrad-diff--expr = 미분할 식. 예: "x^2*sin(x)" 또는 "(y - sigmoid(w*x+b))^2/2"
help-stepgrad-diff--wrt = 미분할 변수. 기울기를 구하려면 여러 번 쓰거나 쉼표로 구분합니다
help-stepgrad-diff--at = 변수의 값. 예: --at w=0.5,x=1 (pi/2 같은 식도 쓸 수 있습니다)
help-stepgrad-diff--no_steps = 유도 과정 없이 결과만 보여 줍니다
help-stepgrad-diff--hessian = 헤세 행렬(모든 2차 도함수)도 구합니다
help-stepgrad-diff--file = 파일(- 이면 표준 입력)에서 문제를 한 줄에 하나씩 읽습니다: EXPR [; wrt=V] [; at=V=x,V=y]
help-stepgrad-check = 손으로 구한 도함수가 맞는지 확인합니다
help-stepgrad-check--expr = 미분한 식. 예: "sin(3*x)"
help-stepgrad-check--answer = 손으로 구한 도함수. 예: "3*cos(3*x)"
help-stepgrad-check--wrt = 미분한 변수 (기본값: 식에 변수가 하나뿐이면 그 변수)
help-stepgrad-check--file = 파일(- 이면 표준 입력)에서 문제를 한 줄에 하나씩 읽습니다: EXPR ; answer=EXPR [; wrt=V]
help-stepgrad-net = 신경망 예제: 순전파 값, 연쇄 법칙으로 구한 기울기, 갱신 (--check는 손으로 계산한 스텝을 채점합니다)
help-stepgrad-net--spec = 명세 파일(.toml) 또는 내장 예제 이름: mazur, xor, softmax3
help-stepgrad-net--steps = 실행할 경사 하강 스텝 수 (기본값: 명세의 [train] steps, 없으면 1)
help-stepgrad-net--param = 파라미터 하나의 도함수를 미분 법칙대로 유도해 보여 줍니다 (모두 풀어 쓰면 곱이 256개를 넘을 때는 공유된 형태로)
help-stepgrad-net--show = 스텝마다 보여 줄 것: formula, forward, backward, update (쉼표로 구분)
help-stepgrad-net--sample = 연쇄 법칙의 인자들을 보여 줄 샘플 (1부터 셉니다)
help-stepgrad-net--optimizer = 옵티마이저: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs
help-stepgrad-net--lr = 학습률 (주지 않으면 그 옵티마이저에 대한 PyTorch의 기본값)
help-stepgrad-net--momentum = 모멘텀 μ (sgd, rmsprop)
help-stepgrad-net--dampening = 모멘텀의 감쇠 (sgd)
help-stepgrad-net--nesterov = 네스테로프 모멘텀 (sgd)
help-stepgrad-net--alpha = 기울기 제곱 평균의 평활 상수 α (rmsprop)
help-stepgrad-net--centered = 중심화 RMSprop: 기울기 분산의 추정값으로 나눕니다
help-stepgrad-net--beta1 = β₁, 1차 모멘트의 감쇠율 (adam, adamw)
help-stepgrad-net--beta2 = β₂, 2차 모멘트의 감쇠율 (adam, adamw)
help-stepgrad-net--eps = 분모에 더하는 ε (adagrad, rmsprop, adam, adamw)
help-stepgrad-net--weight_decay = 가중치 감쇠 λ (L2 페널티. adamw에서는 분리된 형태)
help-stepgrad-net--lr_decay = 학습률 감쇠 η (adagrad)
help-stepgrad-net--line_search = 뉴턴 방법에 백트래킹 선 탐색을 씁니다
help-stepgrad-net--scale_initial = BFGS의 첫 역헤세 추정값을 yᵀs/yᵀy 배로 조정합니다
help-stepgrad-net--plot = 신경망을 SVG 파일로 그립니다: 뉴런, 가중치(크기에 따른 굵기), 값
help-stepgrad-net--plot_gradients = --plot과 함께: 가중치마다 ∂E/∂w를, 뉴런마다 δ를 함께 적습니다
help-stepgrad-graph = 식이나 신경망의 계산 그래프를 값과 기울기와 함께 보여 줍니다
help-stepgrad-graph--target = "apple*count*tax" 같은 식, 또는 신경망 명세(파일이나 예제 이름)
help-stepgrad-graph--at = 식에 나오는 변수의 값. 예: --at apple=100,count=2,tax=1.1
help-stepgrad-graph--sample = 신경망일 때: 값을 보여 줄 샘플 (1부터 셉니다)
help-stepgrad-minimize = 함수에 옵티마이저를 돌리며 스텝마다 내부 상태를 모두 보여 줍니다
help-stepgrad-minimize--expr = 최소화할 함수. 예: "x0^2 + x1^2" 또는 "(1 - x)^2 + 100*(y - x^2)^2"
help-stepgrad-minimize--start = 시작점. 예: --start x0=-3,x1=4
help-stepgrad-minimize--optimizer = 옵티마이저: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs
help-stepgrad-minimize--lr = 학습률 (주지 않으면 그 옵티마이저에 대한 PyTorch의 기본값)
help-stepgrad-minimize--momentum = 모멘텀 μ (sgd, rmsprop)
help-stepgrad-minimize--dampening = 모멘텀의 감쇠 (sgd)
help-stepgrad-minimize--nesterov = 네스테로프 모멘텀 (sgd)
help-stepgrad-minimize--alpha = 기울기 제곱 평균의 평활 상수 α (rmsprop)
help-stepgrad-minimize--centered = 중심화 RMSprop: 기울기 분산의 추정값으로 나눕니다
help-stepgrad-minimize--beta1 = β₁, 1차 모멘트의 감쇠율 (adam, adamw)
help-stepgrad-minimize--beta2 = β₂, 2차 모멘트의 감쇠율 (adam, adamw)
help-stepgrad-minimize--eps = 분모에 더하는 ε (adagrad, rmsprop, adam, adamw)
help-stepgrad-minimize--weight_decay = 가중치 감쇠 λ (L2 페널티. adamw에서는 분리된 형태)
help-stepgrad-minimize--lr_decay = 학습률 감쇠 η (adagrad)
help-stepgrad-minimize--line_search = 뉴턴 방법에 백트래킹 선 탐색을 씁니다
help-stepgrad-minimize--scale_initial = BFGS의 첫 역헤세 추정값을 yᵀs/yᵀy 배로 조정합니다
help-stepgrad-minimize--steps = 최대 스텝 수
help-stepgrad-minimize--tol = 기울기의 모든 성분이 이 값보다 작아지면 멈춥니다
help-stepgrad-minimize--compare = 같은 함수에서 여러 옵티마이저를 겨루게 합니다. 예: --compare sgd,momentum,adam,bfgs
help-stepgrad-minimize--plot = 함수와 반복점들을 SVG 파일로 그립니다
help-stepgrad-train = 데이터로 신경망을 학습합니다: 배치, 에포크, 이터레이션, 손실 곡선
help-stepgrad-train--spec = 신경망 명세(파일이나 내장 예제). 없으면 데이터에 맞는 신경망을 만듭니다
help-stepgrad-train--data = 데이터: CSV 파일 또는 builtin:NAME (xor, and, or, iris, circle, gauss, spiral, xor-noise, line, parabola, digits)
help-stepgrad-train--targets = CSV의 수치 목표값 열
help-stepgrad-train--label = CSV의 클래스 레이블 열 (원-핫 목표값으로 바꿉니다)
help-stepgrad-train--standardize = 특성마다 평균 0, 표준편차 1로 바꿉니다 (학습 데이터의 통계로)
help-stepgrad-train--standardize_targets = 회귀의 목표값을 평균 0, 표준편차 1로 바꿉니다 (학습 데이터의 통계로). 예측과 지표는 목표값의 원래 단위로 보고합니다
help-stepgrad-train--val = 데이터에서 이만큼의 비율을 검증용으로 떼어 둡니다. 예: --val 0.2
help-stepgrad-train--samples = 생성되는 내장 데이터의 샘플 수 (기본 200, digits는 1,000)
help-stepgrad-train--noise = 생성되는 내장 데이터의 잡음 (0부터 1까지)
help-stepgrad-train--hidden = 명세 대신 쓸 은닉층 크기 (가중치는 새로 뽑습니다). 예: --hidden 4 또는 --hidden 16,8
help-stepgrad-train--activation = 데이터에 맞춰 만드는 신경망(명세 없이)의 은닉층 활성화 함수: sigmoid, tanh(기본값), relu, identity, softplus, silu, leaky_relu, elu, gelu
help-stepgrad-train--epochs = 최대 에포크 수 (학습 데이터를 한 번씩 모두 도는 횟수)
help-stepgrad-train--batch_size = 갱신 한 번에 쓰는 샘플 수: N(전부)이면 배치 경사 하강법, 1이면 확률적 경사 하강법, 그 사이면 미니배치
help-stepgrad-train--no_shuffle = 에포크마다 섞지 않고 샘플 순서를 그대로 둡니다
help-stepgrad-train--drop_last = 에포크마다 마지막의 작은 배치를 버립니다
help-stepgrad-train--optimizer = 옵티마이저: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs
help-stepgrad-train--lr = 학습률 (주지 않으면 그 옵티마이저에 대한 PyTorch의 기본값)
help-stepgrad-train--momentum = 모멘텀 μ (sgd, rmsprop)
help-stepgrad-train--dampening = 모멘텀의 감쇠 (sgd)
help-stepgrad-train--nesterov = 네스테로프 모멘텀 (sgd)
help-stepgrad-train--alpha = 기울기 제곱 평균의 평활 상수 α (rmsprop)
help-stepgrad-train--centered = 중심화 RMSprop: 기울기 분산의 추정값으로 나눕니다
help-stepgrad-train--beta1 = β₁, 1차 모멘트의 감쇠율 (adam, adamw)
help-stepgrad-train--beta2 = β₂, 2차 모멘트의 감쇠율 (adam, adamw)
help-stepgrad-train--eps = 분모에 더하는 ε (adagrad, rmsprop, adam, adamw)
help-stepgrad-train--weight_decay = 가중치 감쇠 λ (L2 페널티. adamw에서는 분리된 형태)
help-stepgrad-train--lr_decay = 학습률 감쇠 η (adagrad)
help-stepgrad-train--line_search = 뉴턴 방법에 백트래킹 선 탐색을 씁니다
help-stepgrad-train--scale_initial = BFGS의 첫 역헤세 추정값을 yᵀs/yᵀy 배로 조정합니다
help-stepgrad-train--seed = 섞기, 검증 데이터 분할, 생성 데이터, 초기 가중치에 쓰는 시드
help-stepgrad-train--target_loss = 학습 손실이 이 값 이하가 되면 멈춥니다
help-stepgrad-train--patience = 조기 종료: 가장 좋은 손실이 나온 뒤 P 에포크가 지나면 멈춥니다 (--val이 있으면 검증 손실, 없으면 학습 손실. 0번째 에포크도 셉니다). Keras의 EarlyStopping과 같습니다
help-stepgrad-train--log_every = K 에포크마다 표에 한 줄씩 적습니다
help-stepgrad-train--log_iterations = 이터레이션마다 배치 손실도 보고합니다 (JSON과 --plot에서)
help-stepgrad-train--plot = 에포크별, 이터레이션별 손실(과 정확도)을 SVG 파일로 그립니다
help-stepgrad-train--save = 학습한 파라미터를 JSON으로 씁니다 (W[layer][out][in], b[layer][…])
help-stepgrad-train--init_from = --save로 쓴 파라미터에서 시작합니다
help-stepgrad-train--compare_batch = 같은 시작점에서 배치 크기마다 학습해 비교합니다. 예: --compare-batch 1,16,N
help-stepgrad-train--compare = 같은 시작점에서 같은 배치로 옵티마이저마다 학습해 비교합니다. 예: --compare sgd,momentum,adam
help-stepgrad-epochs = 에포크, 배치, 이터레이션의 셈을 풀어 설명합니다
help-stepgrad-epochs--samples = 학습 데이터의 샘플 수
help-stepgrad-epochs--batch_size = 이터레이션(갱신) 한 번에 쓰는 샘플 수
help-stepgrad-epochs--epochs = 학습 데이터 전체를 도는 횟수
help-stepgrad-epochs--drop_last = 에포크마다 마지막의 작은 배치를 버립니다
help-stepgrad-lesson = 안내가 있는 레슨: 과정을 단계별로, 연습 문제와 함께 (여기서 시작하세요)
help-stepgrad-lesson--which = list(기본값), 1부터 9까지의 레슨 번호, 또는 레슨 파일 (docs/lessons.md)
help-stepgrad-lesson--all = 터미널에서도 레슨 전체를 한 번에, 연습 문제와 풀이까지 출력합니다
help-stepgrad-completions = 셸 자동 완성 스크립트를 출력합니다
help-stepgrad-completions--shell = 자동 완성할 셸
