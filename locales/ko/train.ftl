# `stepgrad train`의 보고서: 신경망과 데이터, 에포크와 이터레이션의 계산, 멈춘
# 이유, 요약, 배치 크기의 비교, 발산한 뒤의 조언. 개수로 오는 수($samples,
# $epochs, …)에는 천 단위 쉼표가 붙고, 나머지 수는 출력된 그대로 옵니다.

train-source-spec = { $name }의 데이터
train-heading = { $name } 학습
train-setup = 신경망 { $shape }, 활성화 함수 { $activations }, 손실 함수 { $loss }. 옵티마이저: { $optimizer }, { $settings }. 데이터: { $source } — 학습 샘플 { $samples }개{ $held }{ $standardized }, 특성 { $features }개{ $feature_count ->
        [one] {""}
       *[other] {""}
    }, 목표값 { $targets }개{ $target_count ->
        [one] {""}
       *[other] {""}
    }{ $classes }.
train-held-out = , 검증용 샘플 { $count }개
train-standardized = , 표준화함
train-classes = {" "}(클래스 { $classes })

# 실행의 계산.
# $iterations_count와 $seen_count는 영어의 복수형에만 쓰입니다.
train-arithmetic = 샘플 { $samples }개, 배치 크기 { $batch } → 에포크마다 이터레이션 { $per_epoch }번{ $last }; 에포크 { $epochs }번 → 이터레이션 { $iterations }번, 사용한 샘플 { $seen }개{ $iterations_count ->
       *[other] {""}
    }{ $seen_count ->
       *[other] {""}
    }
train-last-dropped = {" "}(에포크마다 마지막 샘플 { $count }개는 버림)
train-last-batch = {" "}(마지막 배치는 { $size }개)
train-kind-batch = 배치 경사 하강법: 갱신마다 모든 샘플을 씁니다
train-kind-stochastic = 확률적 경사 하강법: 갱신마다 샘플 하나를 씁니다
train-kind-mini-batch = 미니배치 경사 하강법: 갱신마다 샘플의 일부를 씁니다
train-arithmetic-line = { $arithmetic }{ $at_most }: { $kind }.
train-at-most = {" "}(최대이며, --target-loss나 --patience로 더 일찍 멈출 수 있음)

# 멈춘 이유.
train-stop-epochs = 최대 에포크 수 { $epochs }에 이르러 멈췄습니다.
train-stop-target = 에포크 { $epoch }에서 멈췄습니다: 손실이 목표에 이르렀습니다.
train-stop-patience = 에포크 { $epoch }에서 멈췄습니다 (조기 종료): { $monitor } 손실이{ $best } { $epochs } 에포크 동안 나아지지 않았습니다.
train-monitor-validation = 검증
train-monitor-training = 학습
train-best-on = {" "}가장 좋았던 { $loss }(에포크 { $epoch }) 이후로
train-diverged-at = 에포크 { $epoch }, 이터레이션 { $iteration }에서 발산했습니다: { $reason }.
train-best-was = { $text } 가장 좋은 { $monitor } 손실은 에포크 { $epoch }의 { $loss }입니다.
train-samples-of = 샘플 { $of }개 가운데 { $done }개{ $of ->
        [one] {""}
       *[other] {""}
    }
train-interrupted-between = 에포크 { $epoch } 도중, 이터레이션 { $iteration } 뒤에 중단했습니다 (Ctrl-C). 그때까지의 에포크를 보입니다.
train-interrupted-in-batch = 에포크 { $epoch } 도중, 이터레이션 { $iteration }에서 배치의 { $samples }를 처리한 뒤에 중단했습니다 (Ctrl-C, 그 갱신은 하지 않았습니다). 그때까지의 에포크를 보입니다.
train-interrupted-in-step = 에포크 { $epoch } 도중, 이터레이션 { $iteration }의 옵티마이저 스텝에서 중단했습니다 (Ctrl-C, 그 갱신은 하지 않았습니다). 그때까지의 에포크를 보입니다.
train-interrupted-before = 학습 전에 신경망을 계산하던 중 { $samples }를 처리한 뒤에 중단했습니다 (Ctrl-C): 학습한 것은 없습니다.
train-interrupted-evaluating = 에포크 { $epoch }의 끝에서 신경망을 계산하던 중 { $samples }를 처리한 뒤에 중단했습니다 (Ctrl-C, 에포크 { $epoch }의 행은 없습니다). 그때까지의 에포크를 보입니다.

# 요약.
train-final = { $stop } 이터레이션 { $iterations }번 뒤 최종 손실 { $loss }{ $validation }{ $accuracy } (사용한 샘플 { $seen }개).
train-final-validation = , 검증 손실 { $loss }
train-final-accuracy = , 학습 정확도 { $accuracy }
train-saved = {" "}파라미터를 { $path }에 저장했습니다.
train-drawn = {" "}곡선을 { $path }에 그렸습니다.
train-table-cut = 표에는 처음 { $first }행과 마지막 { $last }행만 보이고, 그 사이의 { $left_out }행은 뺐습니다 ({ $total }행짜리 표는 아무도 다 읽지 않습니다. 보일 행은 --log-every로 고르고, --format csv는 { $listed }{ PARTICLE($listed, "을/를") } 나열합니다).
train-every-epoch = 모든 에포크
train-listed-epochs = 에포크 { $first }–{ $last_head }, { $first_tail }–{ $last } ({ $total }개 가운데 { $kept }개; docs/limits.md)
train-curve = 에포크별 손실
train-curve-log = 에포크별 손실(로그 눈금)

# --compare: 옵티마이저마다 한 번의 실행.
train-compare-setup = { $names } 비교
train-compare-setup-settings = 옵티마이저마다 자기 설정(아래에 적음)
train-compare-heading = 옵티마이저 비교
train-compare-same = 모든 옵티마이저는 같은 가중치에서 시작하고 같은 배치를 같은 순서로 봅니다(시드 { $seed }): { $arithmetic }.
train-compare-settings = 설정: { $settings }.
train-compare-diverged = 에포크 { $epoch }에서 발산
train-compare-interrupted = Ctrl-C로 멈춤
train-compare-with = --compare는 { $option }{ PARTICLE($option, "와/과") } 함께 쓸 수 없습니다: { $reason }
train-compare-with-batch = 비교는 배치 크기를 고정하고 옵티마이저를 바꾸고, --compare-batch는 옵티마이저를 고정하고 배치 크기를 바꿉니다
train-compare-with-save = 비교는 옵티마이저마다 신경망을 하나씩 학습하는데, --save는 신경망 하나를 저장합니다
train-compare-with-restore = --restore-best는 실행 하나의 가장 좋은 에포크를 남기는데, 비교는 여러 번 실행합니다
train-compare-with-hint = 먼저 비교한 뒤, 고른 옵티마이저만 --optimizer NAME과 { $option }{ PARTICLE($option, "으로/로") } 따로 학습하세요
train-compare-twice = --compare의 { $first }{ PARTICLE($first, "와/과") } { $second }{ PARTICLE($second, "은/는") } 설정까지 같은 옵티마이저입니다. 두 번째 실행은 첫 번째를 수 하나까지 그대로 되풀이합니다
train-compare-twice-hint = 옵티마이저마다 한 번씩만 적으세요. 예: --compare sgd,momentum,adam. 한 옵티마이저의 설정을 비교하려면 설정마다 한 번씩 학습하세요

# --compare-batch.
train-compared-heading = 배치 크기 비교
train-compared = 모든 실행은 같은 가중치에서 시작하고 같은 수의 에포크를 돕니다. 배치가 작을수록 스텝이 많아지고, 스텝마다 계산은 싸지만 잡음이 큽니다: 배치 손실의 표준편차는 한 에포크 안에서 배치 손실들의 표준편차를 구해 에포크에 대해 평균한 값입니다.
train-batch = 배치
train-stochastic = 확률적
train-mini-batch = 미니배치

# 그림의 범례.
train-plot-batch = 배치 { $size }
train-plot-batch-loss = 이터레이션별 배치 손실
train-plot-loss = 에포크별 학습 손실
train-plot-validation-loss = 검증 손실
train-plot-accuracy = 학습 정확도(%)
train-plot-validation-accuracy = 검증 정확도(%)
train-plot-lr = 학습률

# 발산한 뒤.
train-diverged-error = 학습이 에포크 { $epoch }, 이터레이션 { $iteration }에서 발산했습니다: { $reason }
train-hint-lr = 이 신경망에는 학습률 { $lr }{ PARTICLE($lr, "이/가") } 너무 큽니다. --lr { $smaller }{ PARTICLE($smaller, "을/를") } 써 보세요
train-hint-other-start = 다른 가중치에서 시작하거나 1차 옵티마이저를 쓰세요

# --hidden으로 은닉층을 바꾼 명세의 이름 ($hidden: 층의 크기를 쉼표로 이은 것).
train-reshaped-name = { $name }(은닉층 { $hidden })

# train이 실행 전에 받아들이지 않는 것. $given: 쓴 그대로의 옵션이나 명세의 키.
train-given-epochs-option = --epochs { $epochs }
train-given-epochs-spec = 명세의 epochs = { $epochs }
train-epochs-range = { $given }: 에포크 수는 1부터 { $max }까지입니다
train-epochs-hint = 예: --epochs 100
train-val-too-few = 샘플이 너무 적어서 검증용으로 떼어 둘 수 없습니다
train-val-too-few-hint = --val을 빼세요
train-val-range = --val { $fraction }: 비율은 0과 1 사이여야 합니다 (0과 1은 안 됩니다)
train-val-hint = 예: --val 0.2
train-drop-last-all = --drop-last를 쓰면 모든 샘플이 버려집니다
train-drop-last-hint = 배치 크기를 줄이세요
train-whole-set = { $optimizer }{ PARTICLE($optimizer, "은/는") } 미니배치가 아니라 학습 데이터 전체로 계산합니다
train-whole-set-hint = --batch-size { $samples }{ PARTICLE($samples, "와/과") } 함께 쓰거나, adam 같은 1차 옵티마이저를 쓰세요
train-target-loss = --target-loss { $loss }: 0 이상의 수여야 합니다
train-target-loss-hint = 예: --target-loss 0.01
train-patience-zero = --patience 0이면 바로 멈춥니다
train-patience-hint = 예: --patience 10
train-log-every-zero = --log-every 0: 에포크 수를 주세요
train-log-every-hint = 예: --log-every 10
train-compare-not-size = --compare-batch: '{ $size }'{ PARTICLE($size, "은/는") } 배치 크기가 아닙니다
train-compare-not-size-hint = 1,16,N처럼 크기를 주세요 (N: 모든 샘플)
train-compare-range = --compare-batch: { $size }{ PARTICLE($size, "은/는") } 1부터 샘플 수 { $samples }까지의 범위에 있지 않습니다
train-compare-range-hint = 1,16,N처럼 크기를 주세요

# --format csv일 때, 긴 실행이 에포크를 뺐으면 stderr에.
train-csv-note = 참고: CSV에는 다음만 들어 있습니다: { $listed }

# 될 수 없는 배치 크기. $given: train-given-batch-…; $training:
# train-training-samples 또는 train-training-samples-after-val.
train-given-batch-option = --batch-size { $size }
train-given-batch-spec = 명세의 batch_size = { $size }
train-batch-empty = { $given }: 배치에는 샘플이 하나 이상 있어야 합니다
train-batch-too-big = { $given }: 배치에는 { $training }보다 많이 담을 수 없습니다
train-training-samples = 학습 샘플 { $n }개{ $count ->
       *[other] {""}
    }
train-training-samples-after-val = --val 뒤에 남은 학습 샘플 { $n }개{ $count ->
       *[other] {""}
    }
train-batch-hint-option = 배치 크기를 1(확률적)부터 { $n }(배치 경사 하강법)까지에서 고르세요
train-batch-hint-spec = 명세의 [train]에서 batch_size를 { $n } 이하로 정하거나 --batch-size를 주세요

# 생성하는 데이터 세트의 옵션.
train-noise-range = --noise { $noise }: 값은 0과 1 사이여야 합니다
train-noise-hint = 예: --noise 0.2
train-samples-range = --samples { $samples }: 생성하는 데이터 세트의 샘플 수는 2부터 { $max }까지입니다
train-samples-hint = 예: --samples 200

# --batch-size를 읽을 수 없는 까닭 (clap의 "쓸 수 없습니다" 뒤에).
train-batch-size-negative = 배치 크기는 음수일 수 없습니다. 샘플 수를 주거나, 전체를 뜻하는 N을 주세요
train-batch-size-not-a-number = '{ $value }'{ PARTICLE($value, "은/는") } 배치 크기가 아닙니다. 샘플 수를 주거나, 전체를 뜻하는 N을 주세요
