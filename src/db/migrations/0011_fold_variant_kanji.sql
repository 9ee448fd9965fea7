-- Roster name keys fold variant kanji from now on (src/shared/text.ts KANJI_VARIANTS: 髙橋 is
-- matched and found as 高橋). Keys stored before are folded here, with the same character pairs.
UPDATE "roster_entry" SET "name_key" = translate("name_key", '髙﨑嵜碕邊邉齊齋斎澤濱濵𠮷德廣國櫻眞藏冨槇嶋嶌峯淵增實惠榮圓黑淺瀨條來萬禮壽彌龍邨埜桒曻舘凜晄鄕', '高崎崎崎辺辺斉斉斉沢浜浜吉徳広国桜真蔵富槙島島峰渕増実恵栄円黒浅瀬条来万礼寿弥竜村野桑昇館凛晃郷')
 WHERE "name_key" <> translate("name_key", '髙﨑嵜碕邊邉齊齋斎澤濱濵𠮷德廣國櫻眞藏冨槇嶋嶌峯淵增實惠榮圓黑淺瀨條來萬禮壽彌龍邨埜桒曻舘凜晄鄕', '高崎崎崎辺辺斉斉斉沢浜浜吉徳広国桜真蔵富槙島島峰渕増実恵栄円黒浅瀬条来万礼寿弥竜村野桑昇館凛晃郷');
