import type { BoilerplateRule } from './rule.ts';

/**
 * A language model's leftovers published as an article: its refusal, its request for the text it was meant
 * to rewrite, its preamble, its reasoning about "the user". Each pattern must open a paragraph, so an article
 * that quotes a chatbot ("The bot replied: “As an AI language model …”") stays quiet.
 */

const APOLOGY = String.raw`(?:(?:i['’]?m|i\s+am)\s+sorry|i\s+apologi[sz]e|sorry|unfortunately)`;
const TASK = String.raw`(?:article|news|text|content|request|summar\p{L}*|rewrit\p{L}*|topic|links?|information|context|title)`;

export const AI_RULES: readonly BoilerplateRule[] = [
  {
    id: 'ai-leftover',
    kind: 'auto-publish',
    family: 'ai-leftover',
    where: 'opening',
    maxWords: 200,
    patterns: [
      // "As an AI language model, I …", "Sorry, as a language AI model …"
      String.raw`^(?:${APOLOGY}[,.!]?\s*(?:but\s+)?)?as\s+an?\s+(?:[\p{L}-]+\s+){0,2}?(?:ai|language)\s+(?:language\s+)?(?:model|assistant)\b`,
      // "I'm sorry, but I cannot write an article …"
      String.raw`^${APOLOGY}\b[^.!?]{0,40}?\bi\s+(?:can(?:not|['’]t)|am\s+(?:unable|not\s+able)|(?:do\s+not|don['’]t)\s+have)\b.{0,200}?\b${TASK}\b`,
      // "I cannot create a summary of this article because …"
      String.raw`^i\s+(?:cannot|can['’]t|am\s+unable\s+to|['’]?m\s+unable\s+to)\s+(?:create|write|generate|provide|summari[sz]e|rewrite|produce|complete|access)\b.{0,200}?\b${TASK}\b`,
      // "I don't have access to the full article content from the link provided …"
      String.raw`^i\s+(?:don['’]t|do\s+not)\s+have\s+access\s+to\b.{0,120}?\b${TASK}\b`,
      // "Please provide the text you want me to rewrite …", after an optional timestamp or label
      String.raw`^(?:[^.!?]{0,60}?:\s+)?please\s+provide\b.{0,200}?\b(?:so\s+(?:that\s+)?i\s+can|i\s+(?:need|will|would|can)|you\s+(?:want|would\s+like)\s+me|for\s+me\s+to)\b`,
      // "It seems like you've provided an image description …"
      String.raw`^(?:${APOLOGY}[,.!]?\s*(?:but\s+)?)?it\s+(?:seems|looks|appears)\s+(?:like|that)\s+you(?:['’]ve|['’]re|\s+have|\s+are)\s+(?:provided|referring|asking|shared|pasted|given|sent)\b`,
      // "Here is the rewritten article:", "Sure! Here's a paraphrased version …"
      String.raw`^(?:(?:sure|certainly|of\s+course|absolutely|okay)[!,.]?\s*)?here(?:['’]s|\s+is|\s+are)\s+(?:a|an|the|your|my)\s+(?:[\p{L}-]+\s+){0,3}?(?:rewritten|rephrased|paraphrased|reworded|revised|rewrite|summary\s+of\s+the\s+(?:article|text))\b`,
      // "Okay, let's start by reading through the user's query …"
      String.raw`^(?:okay|ok|alright|so|first|let\s+me|hmm)\b[,\s].{0,120}?\b(?:the\s+user(?:['’]s)?\s+(?:query|request|prompt|question|instructions|message)|the\s+user\s+(?:wants|asked|provided))\b`,
      // "Since no source text was provided in the prompt …", "Insufficient source material was provided …"
      String.raw`^[^.!?]{0,40}?\b(?:no|insufficient)\s+(?:source\s+)?(?:text|material|content|article)\s+(?:was|were|has\s+been)\s+provided\b`,
      // Spanish, French, German
      String.raw`^(?:lo\s+siento|disculpa|perdón)[,.]?\s*(?:pero\s+)?(?:no\s+puedo|como\s+(?:un\s+)?modelo\s+de\s+(?:lenguaje|ia))\b`,
      String.raw`^como\s+(?:un\s+)?modelo\s+de\s+(?:lenguaje|ia|inteligencia\s+artificial)\b`,
      String.raw`^(?:je\s+suis\s+désolée?|désolée?)[,.]?\s*(?:mais\s+)?(?:je\s+ne\s+peux\s+pas|en\s+tant\s+que)\b`,
      String.raw`^en\s+tant\s+que\s+(?:modèle\s+de\s+langage|intelligence\s+artificielle|ia)\b`,
      String.raw`^(?:es\s+tut\s+mir\s+leid|entschuldigung)[,.]?\s*(?:aber\s+)?(?:ich\s+kann|als\s+(?:ki|künstliche))`,
      String.raw`^als\s+(?:ein\s+)?(?:ki-?sprachmodell|ki-?modell|sprachmodell|künstliche\s+intelligenz)\b`,
    ],
    removes: 'paragraph',
  },
];
