# `stepgrad epochs`의 보고서: 에포크, 배치, 이터레이션의 계산을 한 단계에 한
# 문장씩. 개수에는 천 단위 쉼표가 붙습니다.

epochs-heading = 에포크와 이터레이션
epochs-one-epoch = 에포크 한 번은 샘플 { $samples }개 전체를 한 번 도는 것이고, 이터레이션 한 번은 배치 하나, 곧 가중치를 한 번 갱신하는 것입니다.
epochs-exact = { $samples } ÷ { $batch } = { $full }: 크기가 { $batch }인 배치 { $full }개가 에포크를 꼭 채웁니다. 에포크마다 이터레이션 { $per_epoch }번입니다.
epochs-dropped = { $samples } ÷ { $batch } = { $full }, 나머지 { $left }: 가득 찬 배치 { $full }개와 남는 샘플 { $left }개입니다. --drop-last가 남는 샘플을 버리므로, 에포크마다 이터레이션 { $per_epoch }번에 샘플 { $used }개를 씁니다.
epochs-last-batch = { $samples } ÷ { $batch } = { $full }, 나머지 { $left }: 가득 찬 배치 { $full }개와 남는 샘플 { $left }개이고, 남는 샘플이 크기가 { $last }인 더 작은 마지막 배치가 됩니다. 에포크마다 이터레이션 { $per_epoch }번입니다.
# $total_count와 $seen_count는 영어의 복수형에만 쓰입니다.
epochs-in-all = 에포크 { $epochs }번 × 이터레이션 { $per_epoch }번 = 모두 이터레이션 { $total }번{ $total_count ->
       *[other] {""}
    }.
epochs-seen = 에포크 { $epochs }번 × 샘플 { $used }개 = 사용한 샘플 { $seen }개{ $seen_count ->
       *[other] {""}
    } ({ $each }).
epochs-each = 샘플마다 { $epochs }번
epochs-each-at-most = 샘플마다 많아야 { $epochs }번 — 섞을 때는 버려지는 샘플이 에포크마다 바뀝니다
epochs-kind = 배치 크기 { $batch }: { $kind }.

# epochs가 다룰 수 없는 수 ($counts: epochs-counts-…; $what: epochs-what-…).
epochs-zero = { $option } 0: 이 값은 { $counts }이므로 1 이상이어야 합니다
epochs-zero-hint = 예를 들어 --samples 1000 --batch-size 25 --epochs 100처럼 주세요
epochs-counts-samples = 학습 데이터의 샘플 수
epochs-counts-batch = 배치 하나에 든 샘플 수
epochs-counts-epochs = 학습 데이터를 도는 횟수
epochs-beyond-limit = { $option } { $value }: epochs는 train의 한도인 { $what }까지만 다룹니다 (docs/limits.md)
epochs-beyond-limit-hint = 계산은 어느 규모에서나 같습니다. { $option }에 { $limit } 이하를 주고 합계를 비례해서 늘려 보세요
epochs-what-samples = 샘플 { $limit }개
epochs-what-epochs = 에포크 { $limit }번
epochs-batch-too-large = --batch-size { $batch }{ PARTICLE($batch, "이/가") } 샘플 수 { $samples }보다 큽니다
epochs-batch-too-large-hint = 배치에는 많아야 샘플 전체가 들어갑니다: --batch-size { $samples }
