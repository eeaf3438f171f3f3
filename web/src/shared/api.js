// The one way the pages talk to the platform: same-origin fetch through the gateway, JSON in,
// RFC 9457 problem details turned into an ApiError whose message a person can read.

export class ApiError extends Error {
  constructor(status, problem) {
    super(humanMessage(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

const STATUS_MESSAGES = {
  400: '请求有误，请检查输入后重试。',
  401: '需要有效的 API 密钥。',
  403: '当前密钥没有执行此操作的权限。',
  404: '未找到所请求的内容。',
  409: '操作与当前状态冲突。',
  410: '该记录已按规定销毁。',
  413: '上传的文件过大。',
  422: '内容无法处理。',
  429: '请求过于频繁，请稍后再试。',
  503: '服务暂时不可用，请稍后再试。',
  504: '服务响应超时，请稍后再试。',
};

// Field names the APIs use, in the words of the page.
const FIELD_LABELS = {
  from: '起始日期',
  to: '截止日期',
  inForceOn: '有效日期',
  year: '年份',
  q: '关键词',
  documentNumber: '文号',
  dateFrom: '起始日期',
  dateTo: '截止日期',
  cursor: '分页位置',
  region: '地区',
  asOf: '日期',
};

/** A sentence for the person in front of the page: what went wrong, and with which field. */
export function humanMessage(status, problem) {
  const base = STATUS_MESSAGES[status] ?? `服务出错（${status}），请稍后再试。`;
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  const fields = [
    ...new Set(
      errors
        .map((e) => e.field ?? e.name ?? e.parameter ?? e.pointer)
        .filter(Boolean)
        .map((f) => String(f).replace(/^#?\/?/, '')),
    ),
  ];
  if (status === 400 && fields.length > 0) {
    const named = fields.map((f) => FIELD_LABELS[f] ?? f).join('、');
    const dateLike = fields.some((f) => /date|from|to|inForceOn|asOf/i.test(f));
    return dateLike
      ? `${named}格式不正确，请按“年-月-日”填写，例如 2024-03-01。`
      : `${named}的值不正确，请检查后重试。`;
  }
  if (status === 400 && problem?.detail && /date|日期/i.test(problem.detail)) {
    return '日期格式不正确，请按“年-月-日”填写，例如 2024-03-01。';
  }
  return base;
}

/** GET or send JSON; resolves to {body, headers, status}. */
export async function request(path, { method = 'GET', headers = {}, body, signal, as = 'json' } = {}) {
  const init = { method, headers: { Accept: as === 'json' ? 'application/json' : '*/*', ...headers }, signal };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: '网络连接失败' });
  }
  if (!response.ok && response.status !== 304) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem body: the status alone speaks
    }
    throw new ApiError(response.status, problem);
  }
  const payload = as === 'json' ? await response.json() : as === 'text' ? await response.text() : await response.blob();
  return { body: payload, headers: response.headers, status: response.status };
}

/** A query string from an object, skipping empty values; arrays repeat the parameter. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
