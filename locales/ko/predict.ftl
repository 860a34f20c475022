# `stepgrad predict`: 저장한 모델을 데이터에 적용합니다 (src/data/by_name.rs,
# src/report/predict.rs, src/cli/predict.rs).

predict-missing-feature = 모델이 읽는 '{ $name }' 열이 없습니다 (모델의 특성: { $features })
predict-some-targets = '{ $missing }' 열이 없습니다: 모델의 목표값은 { $targets }인데, 파일에는 그 가운데 일부만 있습니다
predict-some-targets-hint = 지표를 보려면 목표값 열을 모두 넣고, 예측만 보려면 하나도 넣지 마세요
predict-unknown-class = '{ $class }'{ PARTICLE($class, "은/는") } 모델의 클래스가 아닙니다
predict-known-classes = 모델이 아는 클래스: { $classes }
predict-builtin-missing-feature = { $source }에는 모델이 읽는 특성 '{ $name }'{ PARTICLE($name, "이/가") } 없습니다 (모델의 특성: { $features })
predict-builtin-columns = 이 데이터 세트의 특성: { $columns }
predict-builtin-unknown-class = { $source }에 있는 클래스 '{ $class }'{ PARTICLE($class, "은/는") } 모델의 클래스가 아닙니다

predict-title = { $source }에 대한 { $model }의 예측
predict-summary-classes = 샘플 { $count }개를 신경망 { $network }에 넣어, 클래스 { $classes } 가운데 확률이 가장 큰 클래스로 분류합니다.
predict-summary-values = 샘플 { $count }개를 신경망 { $network }에 넣어, { $targets }{ PARTICLE($targets, "을/를") } 목표값의 원래 단위로 예측합니다.
predict-standardized = 특성은 모델 파일에 적힌 학습 데이터의 평균과 표준편차로 표준화합니다.
predict-rows-left-out = 표에는 처음과 마지막 행만 있고, 그 사이의 { $count }개 행은 뺐습니다 (--format csv는 모든 샘플을 씁니다).
predict-no-targets = 데이터에 목표값이 없어 지표가 없습니다.

help-stepgrad-predict = train --save로 저장한 모델을 데이터에 적용합니다: 샘플마다 출력을, 데이터에 목표값이 있으면 지표도 보여 줍니다
help-stepgrad-predict--model = train --save로 쓴 모델 파일
help-stepgrad-predict--data = 데이터: 모델의 특성 열이 있는 CSV 파일(지표를 보려면 목표값 열도), 또는 builtin:NAME
help-stepgrad-predict--samples = 생성되는 내장 데이터의 샘플 수 (기본 200, digits는 1,000)
help-stepgrad-predict--noise = 생성되는 내장 데이터의 잡음, 0에서 1까지
help-stepgrad-predict--seed = 생성되는 내장 데이터의 시드
help-stepgrad-predict--show = 8×8 이미지(builtin:digits)의 처음 N개 샘플을 블록 문자로 그리고, 예측 / 실제 클래스를 붙입니다
