// Words of everyday English (and of talk about films), lowercase: a title made of them could be ordinary speech. The
// mention finder spots a two-word title without its year only when neither word is here ("Forrest Gump", "Blade
// Runner", not "Home Alone" or "Inside Out"), and a one-word title that is one of them keeps its year ("Heat (1995)").
const WORDS = `
a about above across ad act action actually adventure after again against age ago agree ahead air alive all almost
alone along already also although always am amazing american an and angry animal animated animation another answer
any anyone anything anyway apart are area arm around art as ask at attack away awful baby back bad ball band bank
bar base based bc be beach bear beautiful because become bed been before began begin behind being believe below best
better between beyond big bird birthday black blood blue board boat body book born both bottom box boy boys brain
break bride bright bring brother brothers brown build burn business busy but buy by call came can car care careful
carry case cat catch caught cause center central certain chance change character chase cheap check child children
choice choose city class classic clean clear close club cold come comedy coming common company cool could country
couple course cover crazy crime cry cut dad danger dark darling daughter day days dead deal dear death decide deep
did die different dinner do doctor does dog doing done door double down drama dream dress drink drive drop dry during
each early earth easy eat edge eight else end ending enough enjoy enjoyed even evening ever every everybody everyone
everything evil exactly except eye eyes face fact fair fall family famous fan fantastic fantasy far fast father fear
feel feeling feet felt few field fight film films final find fine fire first fish five fly follow food for force
forever forget found four free friday friend friends from front full fun funny future game games garden gave get
ghost girl girls give glad go god going gold gone good got great green grow guess gun guy guys had hair half hand
hands happen happened happy hard has hate hated have he head hear heard heart heat heaven hell hello help her here
hero high him his history hit hold holiday home honest hope horror horse hot hotel hour house how human hundred
hurt husband i ice idea if in inside instead interesting into is island it its job join joy just keep kid kids kill
killer kind king kiss knew know lady land large last late later laugh law lead learn least leave left less let
letter life light like liked line little live living long look looking lose lost lot love loved lovely low luck
lucky mad made make man many married matter may maybe me mean meet men might mind minute miss money monday monster
month months moon more morning most mother move movie movies mr mrs much murder music must my name near need never
new news next nice night nine no nobody none normal north not nothing now number of off office often oh ok okay old
on once one only open or order other others our out over own paper paradise park part party pass past pay people
perfect perhaps person pick picture piece place plan play please plot pm point police poor power pretty prince
princess problem pull put queen question quick quiet quite rain rather read ready real really reason recommend red
remember rest return rich ride right ring river road rock romance romantic room round rule run running sad safe
said same saturday save saw say school sci science scene sea second secret see seem seen sell send sense series
serious seven several shadow she ship short shot should show side sign silent simple since sing sister sit six
sky sleep slow small smart so some somebody someone something sometimes son song soon sorry sound south space speak
special spirit spring stand star stars start stay step still stop story strange street strong stuff such summer
sun sunday super sure sweet take talk tale tall team tell ten than thank thanks that the their them then there these
they thing things think third this those though thought three thriller through thursday time to today together told
tomorrow tonight too took top total touch town trip trouble true trust truth try tuesday turn twelve twenty two
under understand until up upon us use usual very view visit voice wait wake walk wall want war warm was watch
watched water way we wednesday week weekend weird welcome well went were west what when where which while white who
whole why wife wild will win wind window winter wish with without woman women wonder wonderful word work world worry
worse worst would write wrong year years yes yesterday yet you young your yours
christmas easter eve halloween merry thanksgiving valentine valentines xmas
`;

// Places people name when they talk about films ("a thriller set in San Francisco"): a title made of them, such as
// "San Francisco" or "Paris, Texas", is as likely to be the place.
const PLACES = `
africa african alaska america american amsterdam angeles asia atlanta australia berlin boston brazil britain british
brooklyn bronx california canada chicago china chinese dallas detroit dublin egypt england english europe european
florida france francisco french german germany harlem hawaii hollywood hong india indian ireland irish israel italian
italy japan japanese jersey kong korea korean las london los madrid manhattan mexican mexico miami moscow new orleans
pacific paris philadelphia rome russia russian san scotland scottish seattle spain spanish sydney texas tokyo vegas
venice vienna washington york
`;

/** Everyday English words and common place names, lowercase (see the comments above). */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `${WORDS} ${PLACES}`.split(/\s+/).filter((word) => word !== ''),
);
