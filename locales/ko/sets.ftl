# `train`이 받는 학습 데이터: 어느 열이 목표값인지, 내장 데이터 세트, 데이터
# 세트의 크기 제한. $source는 주어진 그대로의 데이터 이름입니다.

sets-no-targets = { $source }: 어느 열이 목표값인지 지정하세요
sets-no-targets-hint = --targets y(수로 된 목표값 열)나 --label species(클래스 열)를 덧붙이세요
sets-builtin-columns = { $option }{ PARTICLE($option, "은/는") } CSV 파일의 열을 고르는데, { $source }{ PARTICLE($source, "은/는") } 목표값이 정해진 내장 데이터 세트입니다
sets-builtin-columns-hint = { $option }{ PARTICLE($option, "을/를") } 빼거나, --data로 CSV 파일을 주세요
sets-too-many-values = { $source }에는 수가 { $count }개 있습니다. stepgrad는 { $max }개까지만 학습합니다
sets-too-many-values-hint = 행의 일부나 더 적은 열로 학습하세요
sets-too-many-rows = { $source }에는 행이 { $rows }개 있습니다. 한도는 { $max }개입니다
sets-too-many-rows-hint = 행의 일부로 학습하세요
sets-no-data = 학습할 데이터가 없습니다
sets-no-data-hint = --data builtin:iris, --data points.csv --targets y, 또는 inputs와 targets가 있는 명세를 주세요
