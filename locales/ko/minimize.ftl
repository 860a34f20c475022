# `stepgrad minimize`의 보고서: 실행의 설정과 갱신 규칙, 멈춘 이유, 도달한 점,
# 옵티마이저의 경주, 발산한 뒤의 조언. 수는 출력된 그대로 오고, $count는 같은
# 수로 복수형을 고르는 데 씁니다.

min-heading = 최소화:
min-settings = { $optimizer }, { $settings }, 시작점 { $start }; 최대 { $max } 스텝, ‖∇f‖∞ < { $tol }이면 멈춤.
min-each-step = 각 스텝:
min-with-g = , g = ∇f.
min-stop-tolerance = { $steps } 스텝 만에 멈췄습니다{ $count ->
        [one] {""}
       *[other] {""}
    }: ‖∇f‖∞ = { $norm }{ PARTICLE($norm, "이/가") } 허용 오차 { $tol }보다 작습니다.
min-stop-max = 최대 스텝 수 { $max }에 이르러 멈췄습니다. ‖∇f‖∞ = { $norm }입니다 (허용 오차 { $tol }).
min-unsettled-grew = f가 { $from }에서 { $to }{ PARTICLE($to, "으로/로") } 커졌습니다: 걸음이 최솟값을 넘어갑니다. 학습률을 줄이면(--lr) 자리를 잡을 것입니다.
min-unsettled-rising = 몇몇 스텝에서 f가 아직 올라갑니다: 걸음이 최솟값을 넘어갑니다. 학습률을 줄이면(--lr) 자리를 잡을 것입니다.
min-unsettled-far-plain = 기울기가 아직 0에서 멉니다: 스텝을 늘리거나(--steps) 학습률을 키우면(--lr) 더 나아갈 것입니다.
min-unsettled-far = 기울기가 아직 0에서 멉니다: 스텝을 늘리면(--steps) 더 나아갈 것입니다.
min-diverged-at = 스텝 { $step }에서 발산했습니다: { $reason }.
min-interrupted = { $step } 스텝 뒤에 중단했습니다 (Ctrl-C){ $count ->
        [one] {""}
       *[other] {""}
    }. 그때까지의 스텝을 보입니다.
min-picture = 그림은 { $path }에 있습니다{ $thinned }.
min-thinned = (점을 { $ordinal }개마다 하나씩, 그리고 마지막 점을 그립니다)
min-reached = 도달한 점: { $point }, f = { $f }. 계산 횟수: f { $f_count }번, ∇f { $gradient_count }번, 헤세 행렬 { $hessian_count }번.
min-left-out-here = 여기서는 스텝 { $from }부터 { $to }까지를 뺐습니다. --format csv 또는 json이 나열하는 스텝: { $listed }.
min-every-step = 모든 스텝
min-kept = 스텝 { $first }–{ $last_head }, { $first_tail }–{ $last } (점 { $total }개 가운데 { $kept }개; docs/limits.md)
min-left-out-everywhere = 여기서도 --format csv 또는 json에서도 스텝 { $from }부터 { $to }까지를 뺐습니다: 이 실행의 점마다 수가 많이 들어 있고, 한 실행은 수를 최대 { $limit }개까지 보관합니다 (docs/limits.md).
min-matrix-at = 스텝 { $step }의 { $symbol }:
min-note-at = 스텝 { $step }: { $note }
min-notes-not-kept = 보관하지 않은 스텝의 참고 { $count }개{ $count ->
        [one] {""}
       *[other] {""}
    }
min-notes = 참고 — { $notes }.
min-notes-and-more = 참고 — { $notes }; 그리고 { $more }.
min-notes-only-more = 참고 — { $more }.
min-terminal-plot = f와 각 스텝의 점 (세로 표시):

# 경주 (--compare).
min-race = 시작점 { $start }에서의 경주: 옵티마이저마다 최대 { $max } 스텝, ‖∇f‖∞ < { $tol }이면 멈춤. 설정 — { $settings }.
min-stopped-tolerance = 허용 오차
min-stopped-max-steps = 최대 스텝
min-stopped-diverged = 발산
min-stopped-interrupted = 중단

# 발산한 뒤: 오류와 바꿀 것.
min-diverged-error = { $optimizer } 실행이 스텝 { $step }에서 발산했습니다: { $reason }
min-hint-curvature = 이 함수에는 학습률 { $lr }{ PARTICLE($lr, "이/가") } 너무 큽니다: 스텝마다 기울기가 { $ratio }배가 되었으니 곡률은 약 { $curvature }이고, 경사 하강법은 학습률이 2/{ $curvature } = { $bound }보다 작을 때만 수렴합니다. { $try_lr }{ PARTICLE($try_lr, "을/를") } 써 보세요
min-hint-smaller-rate = 이 함수에는 학습률 { $lr }{ PARTICLE($lr, "이/가") } 너무 큽니다. { $try_lr }{ PARTICLE($try_lr, "을/를") } 써 보세요
min-hint-newton-line-search = 여기서는 뉴턴 걸음이 최솟값을 넘어갔습니다. --line-search를 더하거나 최솟값에 더 가까운 곳에서 시작하세요
min-hint-start-closer = 최솟값에 더 가까운 곳에서 시작하거나, 학습률이 작은 1차 옵티마이저를 고르세요

# minimize가 실행 전에 받아들이지 않는 것.
min-no-variables = 함수에 움직일 변수가 없습니다
min-no-variables-hint = 변수가 있는 함수를 최소화하세요. 예: "x^2 + 1"
min-plot-variables = --plot은 변수가 하나나 둘인 함수만 그립니다. 이 함수의 변수는 { $count }개입니다
min-plot-hint = --plot을 빼거나, 변수가 하나나 둘인 함수를 최소화하세요
min-start-extra = --start에 함수에 없는 변수 { $extra }{ PARTICLE($extra, "이/가") } 있습니다
min-start-extra-hint = 함수의 변수: { $names }
min-start-missing = --start에 { $name }의 값이 없습니다
min-start-missing-hint = 모든 변수의 초깃값을 주세요: --start { $all }
min-steps-range = --steps { $steps }: 스텝 수는 1부터 { $max }까지입니다
min-steps-hint = --steps는 할 갱신의 수를 셉니다. 예: --steps 100
min-tol = --tol { $tol }: 허용 오차는 0이나 양수여야 합니다
min-tol-hint = 예: --tol 1e-8
min-compare-empty = --compare에 빈 이름이 있습니다
min-compare-empty-hint = 옵티마이저는 쉼표 하나로 구분하세요. 예: --compare sgd,momentum,adam

# --format csv일 때, 긴 실행이 스텝을 뺐으면 stderr에.
min-csv-note = 참고: CSV에는 보관한 스텝만 들어 있습니다 — { $runs }

# f, ∇f 또는 헤세 행렬의 값이 없는 시작점 ($who: minimize, 또는 헤세 행렬이
# 필요한 옵티마이저; $start: x = 0, y = 1).
min-cannot-start = { $who }{ PARTICLE($who, "은/는") } { $start }에서 시작할 수 없습니다: { $reason }
min-start-finite-hint = f와 기울기의 값이 유한한 곳에서 시작하세요: --start를 바꾸세요
min-start-finite-hessian-hint = f와 기울기, 헤세 행렬의 값이 유한한 곳에서 시작하세요: --start를 바꾸세요

# 헤세 행렬이 크기 한도를 넘는 함수에 쓴 뉴턴 방법.
min-newton-hessian-refused = 뉴턴 방법: { $detail }
min-newton-hessian-refused-hint = 기호 헤세 행렬이 필요 없는 bfgs나, adam 같은 1차 옵티마이저를 고르세요 (한도는 docs/limits.md에 있습니다)

# --picture: 등고선과 경로를 문자로 그린 그림과 그 범례.
min-picture-variables = --picture는 변수가 둘인 함수를 그립니다. 이 함수의 변수는 { $count }개입니다
min-picture-variables-hint = --picture를 빼거나, 변수가 하나인 함수는 --plot FILE.svg로 그리세요
min-picture-start = S 시작점 ({ $point })
min-picture-steps = 1–9 처음 아홉 스텝, o 그 뒤의 스텝
min-picture-end = E 실행이 끝난 곳, { $count ->
       *[other] { $steps } 스텝 뒤
    } ({ $point })
min-picture-run = { $mark } { $optimizer }, 끝난 곳은 { $end } ({ $point })
min-picture-outside = 점 { $count }개는 그림 밖에 있습니다
min-picture-dots = 점: f의 등고선(각 선 위에서 f가 일정한 등위 집합), f가 가파른 곳일수록 촘촘합니다
